using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Tracing;

/// <summary>Where a trace reads its shipments: the store's trade index while it is current, the store otherwise, with the same answers.</summary>
public class TraceGraphTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A hub that ships to three customers, twice to one of them, on different days.</summary>
    private static FtmGraph Hub() =>
        FtmGraph.Create()
            .Company("hub", "Hub Ltd", "ae")
            .Company("a", "A", "ru")
            .Company("b", "B", "kg")
            .Company("c", "C", "ru")
            .Shipment("s4", "hub", "b", "2022-04-01", "854231", 400)
            .Shipment("s1", "hub", "a", "2022-01-01", "854231", 100)
            .Shipment("s3", "hub", "a", "2022-03", "610910", 300)
            .Shipment("s2", "hub", "c", "2022-02-01", "854232", 200)
            .Shipment("s5", "b", "hub", "2022", "854231", 500);

    [Fact]
    public async Task a_trace_reads_from_the_index_only_while_it_is_current()
    {
        await using var sqlite = await TestStores.CreateAsync(TestStores.Sqlite, Hub().Entities, Ct);
        var indexed = new IndexedGraphStore(sqlite.Store);

        Assert.False((await TraceGraph.OpenAsync(sqlite.Store, null, ShipmentFilter.None, Ct)).Indexed);
        await indexed.BuildNowAsync(Ct);
        Assert.True((await TraceGraph.OpenAsync(indexed, indexed, ShipmentFilter.None, Ct)).Indexed);

        Assert.True(await sqlite.Store.DeleteAsync("s5", Ct));
        Assert.False((await TraceGraph.OpenAsync(indexed, indexed, ShipmentFilter.None, Ct)).Indexed);
    }

    [Theory]
    [InlineData(true, 100)]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task index_and_store_give_a_party_the_same_shipments_grouped_by_the_other_party_and_cut_in_store_order(bool downstream, int budget)
    {
        await using var sqlite = await TestStores.CreateAsync(TestStores.Sqlite, Hub().Entities, Ct);
        var indexed = new IndexedGraphStore(sqlite.Store);
        await indexed.BuildNowAsync(Ct);
        foreach (var filter in new[] { ShipmentFilter.None, new ShipmentFilter(HsPrefixes: ["8542"]) })
        {
            var answers = new List<(int Read, bool Cut, List<string> Rows)>();
            foreach (var (store, index) in new (IGraphStore, ITradeIndexSource?)[] { (sqlite.Store, null), (indexed, indexed) })
            {
                var graph = await TraceGraph.OpenAsync(store, index, filter, Ct);
                var into = new Dictionary<int, PartyShipments>();
                var hub = graph.Number("hub");
                var (read, cut) = await graph.ExpandAsync([hub, graph.Number("a")], downstream, budget, into, Ct);
                var far = downstream ? graph.Columns.Receivers : graph.Columns.Senders;
                // Groups may come in another order (parties are numbered differently); within a group, store order.
                var groups = into[hub].Groups.OrderBy(g => graph.Id(g.Far), StringComparer.Ordinal);
                answers.Add((read, cut, [.. groups.Select(g => $"{graph.Id(g.Far)}: {string.Join(",", g.Rows.Select(row => graph.Columns.Ids[row]))}")]));
                Assert.Equal(into[hub].Rows.Count, into[hub].Groups.Sum(g => g.Rows.Count));
                Assert.All(into[hub].Groups, g => Assert.All(g.Rows, row => Assert.Equal(g.Far, far[row])));
            }

            Assert.Equal(answers[0].Read, answers[1].Read);
            Assert.Equal(answers[0].Cut, answers[1].Cut);
            Assert.Equal(answers[0].Rows, answers[1].Rows);
        }

        if (downstream && budget == 2)
        {
            // The two earliest shipments: s1 (2022-01-01) and s2 (2022-02-01); grouped by customer.
            var graph = await TraceGraph.OpenAsync(indexed, indexed, ShipmentFilter.None, Ct);
            var into = new Dictionary<int, PartyShipments>();
            Assert.Equal((2, true), await graph.ExpandAsync([graph.Number("hub")], true, 2, into, Ct));
            Assert.Equal(["s1", "s2"], into[graph.Number("hub")].Rows.Select(row => graph.Columns.Ids[row]).Order(StringComparer.Ordinal));
        }
    }
}
