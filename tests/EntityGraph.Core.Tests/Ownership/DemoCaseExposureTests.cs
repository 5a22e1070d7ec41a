using System.Text.Json;
using System.Text.Json.Nodes;
using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Ownership;

/// <summary>The OFAC verdicts for every party of the demo case, as written down in <c>samples/demo-case.expected.json</c>.</summary>
public class DemoCaseExposureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "DemoCase");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestStores.Sqlite)]
    [InlineData(TestStores.Neo4j)]
    public async Task every_ofac_verdict_of_the_demo_case_matches_the_expected_answers(string kind)
    {
        var ofac = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "demo-case.expected.json"), Ct))!["ofac"]!;
        var asOf = DateOnly.Parse(ofac["asOf"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await using var store = await ExposureStore.OpenAsync(await ReadEntitiesAsync(), Ct, kind);
        var calculator = store.Calculator;

        var verdicts = ofac["verdicts"]!.AsObject();
        Assert.NotEmpty(verdicts);
        List<string> mismatches = [];
        foreach (var (partyId, expected) in verdicts)
        {
            var exposure = await calculator.CalculateAsync(partyId, OwnershipRule.Ofac, asOf, Ct);
            Assert.NotNull(exposure);
            var blocked = expected!["blocked"]!.GetValue<bool>();
            var direct = expected["directlySanctioned"]!.GetValue<bool>();
            var percent = expected["blockedOwnershipPercent"]!.GetValue<double>();
            if (exposure.Blocked != blocked || exposure.DirectlySanctioned != direct || Math.Abs(exposure.BlockedOwnershipPercent - percent) > 1e-9)
                mismatches.Add($"{partyId}: expected blocked={blocked} direct={direct} {percent}%, got blocked={exposure.Blocked} direct={exposure.DirectlySanctioned} {exposure.BlockedOwnershipPercent}% ({exposure.Explanation})");
        }

        Assert.Empty(mismatches);
        // restrictedParties also lists export-controlled parties, which the 50% rule does not block.
        var restricted = ofac["restrictedParties"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.All(verdicts.Where(v => v.Value!["blocked"]!.GetValue<bool>()), v => Assert.Contains(v.Key, restricted));
    }

    private static async Task<IReadOnlyList<FtmEntity>> ReadEntitiesAsync()
    {
        List<FtmEntity> entities = [];
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(Folder, "demo-case.ftm.jsonl"), Ct))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var properties = root.GetProperty("properties").EnumerateObject()
                .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[.. p.Value.EnumerateArray().Select(v => v.GetString()!)], StringComparer.Ordinal);
            entities.Add(new FtmEntity(root.GetProperty("id").GetString()!, root.GetProperty("schema").GetString()!, properties));
        }

        return entities;
    }
}
