using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Synthetic;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.Tests.Synthetic;

public class SyntheticFtmGeneratorTests
{
    private static readonly SyntheticDataOptions Small = new() { Parties = 3_000, Shipments = 5_000, Seed = 7 };

    private static async Task<byte[]> GenerateAsync(SyntheticDataOptions options)
    {
        var output = new MemoryStream();
        await new SyntheticFtmGenerator(options).WriteAsync(output, null, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    private static List<FtmEntity> Parse(byte[] bytes)
    {
        using var reader = FtmLineReader.Open(new MemoryStream(bytes));
        return [.. reader.ReadLines().Select(l => FtmEntityParser.Parse(l.Utf8.Span).ToEntity())];
    }

    [Fact]
    public async Task the_same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        var first = await GenerateAsync(Small);
        var again = await GenerateAsync(Small);
        var other = await GenerateAsync(Small with { Seed = 8 });

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task parties_and_shipments_add_up_to_the_planned_entities_by_schema()
    {
        var plan = SyntheticDataPlan.For(new SyntheticDataOptions { Parties = 360_000, Shipments = 400_000 });
        Assert.Equal(1_000_000, plan.Total);
        Assert.Equal(360_000, plan.Parties);

        var entities = Parse(await GenerateAsync(Small));
        var small = SyntheticDataPlan.For(Small);

        Assert.Equal(small.Total, entities.Count);
        var bySchema = entities.CountBy(e => e.Schema).ToDictionary();
        Assert.Equal(small.Companies, bySchema["Company"]);
        Assert.Equal(small.Persons, bySchema["Person"]);
        Assert.Equal(small.Addresses, bySchema["Address"]);
        Assert.Equal(small.Ownerships, bySchema["Ownership"]);
        Assert.Equal(small.Directorships, bySchema["Directorship"]);
        Assert.InRange(bySchema["Sanction"], 100, 200);
        Assert.Equal(5_000, bySchema["EconomicActivity"]);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(3_001)]
    [InlineData(102_000)]
    [InlineData(1_020_001)]
    public void the_number_of_parties_asked_for_is_the_number_of_companies_and_persons_made(int parties)
    {
        var plan = SyntheticDataPlan.For(new SyntheticDataOptions { Parties = parties });

        Assert.Equal(parties, plan.Companies + plan.Persons);
        Assert.Equal(parties, plan.Parties);
    }

    [Fact]
    public void the_benchmark_cases_keep_their_entities()
    {
        Assert.Equal(
            new SyntheticDataPlan(17_000, 30_600, 20_400, 34_000, 13_600, 34_000, 15_300, 5_100, 500_000),
            SyntheticDataPlan.For(new SyntheticDataOptions { Parties = 102_000, Shipments = 500_000 }));
        Assert.Equal(
            new SyntheticDataPlan(170_000, 306_000, 204_000, 340_000, 136_000, 340_000, 153_000, 51_000, 5_000_000),
            SyntheticDataPlan.For(new SyntheticDataOptions { Parties = 1_020_000, Shipments = 5_000_000 }));
        Assert.Equal(
            new SyntheticDataPlan(60_000, 108_000, 72_000, 120_000, 48_000, 120_000, 54_000, 18_000, 400_000),
            SyntheticDataPlan.For(new SyntheticDataOptions { Parties = 360_000, Shipments = 400_000 }));
    }

    [Fact]
    public async Task every_line_passes_validation_and_every_reference_resolves()
    {
        var bytes = await GenerateAsync(Small);
        using var reader = FtmLineReader.Open(new MemoryStream(bytes));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<string>();
        foreach (var line in reader.ReadLines())
        {
            var input = FtmEntityParser.Parse(line.Utf8.Span);
            var result = FtmEntityValidator.Default.Validate(input);
            Assert.True(result.IsValid, $"line {line.Number}: {string.Join("; ", FtmEntityValidator.Reasons(result))}");
            Assert.True(ids.Add(input.Id!), $"id {input.Id} appears twice");
            var schema = FtmSchemaCatalog.Default.Find(input.Schema!)!;
            foreach (var (name, values) in input.Properties)
            {
                if (schema.GetProperty(name)!.IsEntity)
                    references.AddRange(values);
            }
        }

        Assert.All(references, r => Assert.Contains(r, ids));
    }

    [Fact]
    public async Task the_case_looks_like_transshipment_to_russia()
    {
        var entities = Parse(await GenerateAsync(Small));
        var byId = entities.ToDictionary(e => e.Id);
        var companies = entities.Where(e => e.Schema == "Company").ToList();
        var shipments = entities.Where(e => e.Schema == "EconomicActivity").ToList();
        string CountryOf(string id) => byId[id].First("country")!;

        // Intermediaries in transshipment countries, many founded after the invasion.
        var intermediaries = companies.Where(c => Countries.IsTransshipmentPoint(c.First("country")!)).ToList();
        var recent = intermediaries.Count(c => PartialDate.Parse(c.First("incorporationDate")!).Earliest > new DateOnly(2022, 2, 24));
        Assert.InRange((double)recent / intermediaries.Count, 0.45, 0.65);

        // About half the shipments are CHPL goods; some names are Cyrillic.
        var chpl = shipments.Count(s => ChplList.TierOf(HsCode.Normalize(s.First("vedCode"))) is not null);
        Assert.InRange((double)chpl / shipments.Count, 0.4, 0.6);
        Assert.Contains(companies, c => c.First("name")!.Any(ch => ch is >= 'А' and <= 'я'));

        // Goods move on from an intermediary no earlier than they arrived.
        var onward = shipments.Where(s => Countries.IsTransshipmentPoint(CountryOf(s.First("sender")!)) && CountryOf(s.First("receiver")!) is "ru" or "by").ToList();
        Assert.NotEmpty(onward);
        var arrivals = shipments.GroupBy(s => s.First("receiver")!).ToDictionary(g => g.Key, g => g.Min(s => s.First("date")!), StringComparer.Ordinal);
        var fed = onward.Count(s => arrivals.TryGetValue(s.First("sender")!, out var firstIn) && string.CompareOrdinal(firstIn, s.First("date")) <= 0);
        Assert.True(fed > 0.9 * onward.Count, $"{fed} of {onward.Count} onward shipments follow an arrival");

        // Degrees are heavy-tailed: the busiest party sees many times the average.
        var degrees = shipments.SelectMany(s => new[] { s.First("sender")!, s.First("receiver")! }).CountBy(id => id).Select(p => p.Value).ToList();
        Assert.True(degrees.Max() > 20 * degrees.Average(), $"max {degrees.Max()} vs average {degrees.Average():F1}");

        // Some sanctions have lapsed; some stakes of 50% or more are held by sanctioned persons.
        var sanctions = entities.Where(e => e.Schema == "Sanction").ToList();
        Assert.Contains(sanctions, s => s.First("endDate") is not null);
        var sanctioned = sanctions.Select(s => s.First("entity")!).ToHashSet();
        Assert.Contains(entities, e => e.Schema == "Ownership" && sanctioned.Contains(e.First("owner")!)
            && OwnershipShare.Parse(e.First("percentage"), out _)?.Minimum >= 50);
    }
}
