using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Indexing;

public class PartyShipmentCountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_party_counts_as_many_shipments_as_the_store_has_sent_and_received_links_around_it()
    {
        var fixture = FtmGraph.Create()
            .Company("acme", "Acme").Company("kg", "KG Trade").Company("ru", "RU Buyer").Person("owner", "Owner")
            .Shipment("s1", "acme", "kg").Shipment("s2", "acme", "kg").Shipment("s3", "kg", "ru", declarant: "owner")
            .Shipment("s4", "acme", "acme").Owns("owner", "acme");
        await using var store = await TestStores.CreateAsync(TestStores.Sqlite, fixture.Entities, Ct);

        var counts = await PartyShipmentCounts.BuildAsync(store.Store, Ct);

        foreach (var party in new[] { "acme", "kg", "ru", "owner", "nobody" })
        {
            var links = await store.Store.ExpandAsync(new LinkExpansion([party], [LinkKind.Sent, LinkKind.Received]), Ct);
            Assert.Equal((party, links.Count), (party, counts.Of(party)));
        }

        // A self-sent shipment is two links; a shipment is not a party.
        Assert.Equal((4, 3, 1, 0), (counts.Of("acme"), counts.Of("kg"), counts.Of("ru"), counts.Of("s1")));
        Assert.Equal(3, counts.Count);
        Assert.Equal(await store.Store.GetDataVersionAsync(Ct), counts.Version);
        Assert.True(counts.IsTradingParty("acme"));
        Assert.False(counts.IsTradingParty("owner"));
        Assert.False(counts.IsTradingParty("s1"));
    }

    [Fact]
    public void a_shipment_named_as_the_sender_of_another_is_not_taken_for_a_trading_party()
    {
        var counts = PartyShipmentCounts.Build(
        [
            new Trade("s1", "acme", "ru", null, null, null),
            new Trade("s2", "s1", "ru", null, null, null),
        ], version: 7);

        Assert.Equal((1, 1, 2), (counts.Of("acme"), counts.Of("s1"), counts.Of("ru")));
        Assert.Equal((true, false, true), (counts.IsTradingParty("acme"), counts.IsTradingParty("s1"), counts.IsTradingParty("ru")));
        Assert.Equal(7, counts.Version);
    }

    [Fact]
    public void counts_are_built_from_trades_without_a_sender_or_receiver_too()
    {
        var counts = PartyShipmentCounts.Build(
        [
            new Trade("s1", "acme", null, null, null, null),
            new Trade("s2", null, "ru", null, null, null),
            new Trade("s3", "acme", "ru", null, null, null),
        ], version: 1);

        Assert.Equal((2, 2, 0), (counts.Of("acme"), counts.Of("ru"), counts.Of("s1")));
    }

    [Fact]
    public void counts_taken_from_a_trade_index_are_those_counted_from_its_trades()
    {
        Trade[] trades =
        [
            new("s1", "acme", "ru", null, null, null),
            new("s2", "s1", "ru", null, null, null),
            new("s3", "acme", null, null, null, null),
            new("s4", null, "kg", null, null, null),
            new("s5", "kg", "kg", null, null, null),
        ];

        var counted = PartyShipmentCounts.Build(trades, version: 3);
        var taken = PartyShipmentCounts.From(TradeIndex.Build(trades), version: 3);

        foreach (var id in new[] { "acme", "ru", "kg", "s1", "s2", "nobody" })
            Assert.Equal((id, counted.Of(id), counted.IsTradingParty(id)), (id, taken.Of(id), taken.IsTradingParty(id)));
        Assert.Equal((counted.Count, counted.Version), (taken.Count, taken.Version));
    }
}
