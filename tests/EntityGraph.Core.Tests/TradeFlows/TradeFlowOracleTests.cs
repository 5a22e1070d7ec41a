using System.Globalization;
using EntityGraph.Core.Analysis.TradeFlows;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.TradeFlows;

/// <summary>
/// The store's aggregation against the in-memory reference, and the calculator against a brute force
/// written straight from the documented semantics, over small random datasets.
/// </summary>
public class TradeFlowOracleTests
{
    private static readonly string?[] CountryCodes = ["kg", "kz", "ru", "de", null];
    private static readonly string?[] DateTexts = ["2020", "2021", "2021-03", "2021-11-30", "2021-12", "2022", "2022-01-01", "2022-02", "2022-05-17", "2022-07", "2022-12-31", "2023-04", null];
    private static readonly string?[] HsCodes = ["854231", "8542390000", "610910", "8471", "85", null];
    private static readonly TradeFlowDimension[] Dimensions = Enum.GetValues<TradeFlowDimension>();

    [Fact]
    public async Task the_store_and_the_calculator_agree_with_a_brute_force_over_random_shipments()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var graph = FtmGraph.Create().Company("a", "A").Company("b", "B");
            var count = random.Next(0, 25);
            for (var i = 0; i < count; i++)
            {
                var id = $"s{i}";
                double? value = random.Next(5) == 0 ? null : random.Next(1, 50) * 10;
                graph.Shipment(id, "a", "b", Pick(random, DateTexts), Pick(random, HsCodes), value)
                    .Set(id, "departureCountry", random.Next(3) == 0 ? null : Pick(random, CountryCodes))
                    .Set(id, "originCountry", Pick(random, CountryCodes))
                    .Set(id, "destinationCountry", Pick(random, CountryCodes));
            }

            await using var flows = await FlowGraph.LoadAsync(graph, ct);
            var shipments = await flows.Store.GetShipmentsAsync([.. Enumerable.Range(0, count).Select(i => $"s{i}")], ct);
            Assert.Equal(count, shipments.Count);

            for (var q = 0; q < 4; q++)
            {
                var groupBy = Dimensions.Where((_, i) => (random.Next(32) & (1 << i)) != 0).ToArray();
                var period = (TradePeriod)random.Next(3);
                var request = new TradeFlowRequest(RandomFilter(random), groupBy, period,
                    SenderCountries: random.Next(4) == 0 ? ["kg", "kz"] : null,
                    ReceiverCountries: random.Next(4) == 0 ? ["ru"] : null,
                    ChplOnly: random.Next(5) == 0);
                var context = $"seed {seed}, query {q}: {period} by [{string.Join(",", groupBy)}], {request.Filter}, chplOnly={request.ChplOnly}, senders={request.SenderCountries is not null}, receivers={request.ReceiverCountries is not null}";

                var storeQuery = new TradeFlowQuery(request.Filter, groupBy, period != TradePeriod.Year, request.SenderCountries, request.ReceiverCountries, request.ChplOnly);
                Assert.True(
                    Describe(storeQuery.Aggregate(shipments)).SequenceEqual(Describe(await flows.Store.AggregateShipmentsAsync(storeQuery, ct))),
                    $"buckets differ, {context}");

                var expected = BruteForce(shipments, request);
                var actual = await flows.FlowsAsync(request);
                Assert.True(expected.Rows.SequenceEqual(actual.Rows.Select(Describe).Order(StringComparer.Ordinal)), $"rows differ, {context}:\nexpected {string.Join("\n", expected.Rows)}\nactual {string.Join("\n", actual.Rows.Select(Describe))}");
                Assert.True(
                    expected.Totals == (actual.Shipments, actual.ValueUsd, actual.ShipmentsWithoutValue, actual.UndatedShipments, actual.ImpreciseShipments, actual.ImpreciseValueUsd),
                    $"totals differ, {context}");
                Assert.True(actual.Rows.Zip(actual.Rows.Skip(1)).All(p => p.First.Period.CompareTo(p.Second.Period) <= 0), $"rows out of period order, {context}");
            }
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static ShipmentFilter RandomFilter(Random random) => random.Next(6) switch
    {
        0 => new ShipmentFilter(From: new DateOnly(2022, random.Next(1, 13), 1)),
        1 => new ShipmentFilter(To: new DateOnly(2021, random.Next(1, 13), 15)),
        2 => new ShipmentFilter(From: new DateOnly(2021, 12, 10), To: new DateOnly(2022, 2, 3)),
        3 => new ShipmentFilter(HsPrefixes: ["8542"], MinValueUsd: 100),
        4 => new ShipmentFilter(Tiers: [ChplTier.Tier1]),
        _ => ShipmentFilter.None,
    };

    /// <summary>The documented semantics, shipment by shipment, without the store or the calculator.</summary>
    private static (List<string> Rows, (long, double, long, long, long, double) Totals) BruteForce(IReadOnlyList<Shipment> shipments, TradeFlowRequest request)
    {
        var kind = request.Period;
        var windowStart = request.Filter.From is { } from ? TradeFlowPeriod.Containing(kind, from).First : DateOnly.MinValue;
        var windowEnd = request.Filter.To is { } to ? TradeFlowPeriod.Containing(kind, to).Last : DateOnly.MaxValue;
        var undatedFilter = request.Filter with { From = null, To = null };
        var cells = new Dictionary<(TradeFlowPeriod, TradeFlowGroup), List<Shipment>>();
        long total = 0, withoutValue = 0, undated = 0, imprecise = 0;
        double value = 0, impreciseValue = 0;
        foreach (var s in shipments)
        {
            if (!undatedFilter.Matches(s) || (request.ChplOnly && s.ChplTier is null))
                continue;
            var sender = s.DepartureCountry ?? s.OriginCountry;
            if (request.SenderCountries is { } senders && (sender is null || !senders.Contains(sender)))
                continue;
            if (request.ReceiverCountries is { } receivers && (s.DestinationCountry is null || !receivers.Contains(s.DestinationCountry)))
                continue;
            var inTotals = false;
            if (s.Date is not { } date)
            {
                if (request.Filter.From is null && request.Filter.To is null)
                {
                    undated++;
                    inTotals = true;
                }
            }
            else if (kind != TradePeriod.Year && date.Precision == DatePrecision.Year)
            {
                if (date.Latest >= windowStart && date.Earliest <= windowEnd)
                {
                    imprecise++;
                    impreciseValue += s.ValueUsd ?? 0;
                    inTotals = true;
                }
            }
            else
            {
                var period = TradeFlowPeriod.Containing(kind, date.Earliest);
                var first = TradeFlowPeriod.Containing(kind, windowStart == DateOnly.MinValue ? date.Earliest : windowStart);
                if (period.First >= windowStart && period.Last <= windowEnd || period == first.Previous)
                {
                    var group = new TradeFlowGroup(
                        request.GroupBy.Contains(TradeFlowDimension.SenderCountry) ? sender : null,
                        request.GroupBy.Contains(TradeFlowDimension.ReceiverCountry) ? s.DestinationCountry : null,
                        request.GroupBy.Contains(TradeFlowDimension.Hs6) && s.HsCode?.Digits is { Length: >= 6 } d6 ? d6[..6] : null,
                        request.GroupBy.Contains(TradeFlowDimension.Hs4) && s.HsCode?.Digits is { Length: >= 4 } d4 ? d4[..4] : null,
                        request.GroupBy.Contains(TradeFlowDimension.ChplTier) ? s.ChplTier : null);
                    if (!cells.TryGetValue((period, group), out var list))
                        cells[(period, group)] = list = [];
                    list.Add(s);
                    inTotals = period.First >= windowStart;
                }
            }

            if (inTotals)
            {
                total++;
                value += s.ValueUsd ?? 0;
                withoutValue += s.ValueUsd is null ? 1 : 0;
            }
        }

        var rows = new List<string>();
        foreach (var ((period, group), list) in cells)
        {
            if (period.First < windowStart)
                continue;
            var previous = cells.GetValueOrDefault((period.Previous, group));
            rows.Add(Describe(new TradeFlowRow(
                period, group, list.Count, list.Sum(s => s.ValueUsd ?? 0), list.Count(s => s.ValueUsd is null),
                previous?.Count, previous?.Sum(s => s.ValueUsd ?? 0))));
        }

        rows.Sort(StringComparer.Ordinal);
        return (rows, (total, value, withoutValue, undated, imprecise, impreciseValue));
    }

    private static string Describe(TradeFlowRow r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Period} {r.Group} n={r.Shipments} v={r.ValueUsd} nv={r.ShipmentsWithoutValue} prev={r.PreviousShipments}/{r.PreviousValueUsd} d={r.ChangeUsd} p={r.ChangePercent}");

    private static IEnumerable<string> Describe(IEnumerable<TradeFlowBucket> buckets) =>
        buckets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b}")).Order(StringComparer.Ordinal);
}
