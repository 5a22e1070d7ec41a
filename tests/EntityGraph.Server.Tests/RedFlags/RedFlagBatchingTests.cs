using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.RedFlags;

public sealed class RedFlagBatchingTests
{
    [Fact]
    public async Task the_red_flags_of_a_page_of_fifty_parties_read_their_shipments_in_one_store_call_per_role()
    {
        var graph = FtmGraph.Create();
        for (var i = 0; i < 50; i++)
        {
            graph.Company($"co-{i}", $"Baikal Components {i}", country: "kg", incorporated: "2010-01-01")
                .Company($"buyer-{i}", $"Buyer {i}", country: "ru")
                .Person($"owner-{i}", $"Owner Number {i}", country: "ru").Sanction($"owner-{i}", authority: "EU")
                .Owns($"owner-{i}", $"co-{i}", "10%")
                .Address($"addr-{i}", $"Bishkek, street {i}", country: "kg", of: $"co-{i}")
                .Shipment($"ship-{i}", $"co-{i}", $"buyer-{i}", date: "2023-05-01", hs: "854231", value: 100)
                .Set($"ship-{i}", "destinationCountry", "ru");
        }

        CountingGraphStore? counting = null;
        await using var server = await EntityGraphTestServer.StartAsync(graph.Entities, services: StoreDecoration.With(store => counting = new CountingGraphStore(store)));
        counting!.Reset();

        var data = await server.QueryAsync("""
            {
              search(text: "baikal components", first: 50) {
                edges { node { id ... on Company { redFlags(asOf: "2026-11-27") { code evidence { partyIds } } } } }
              }
            }
            """);

        var edges = data["search"]!["edges"]!.AsArray();
        Assert.Equal(50, edges.Count);
        Assert.All(edges, e => Assert.Equal(
            ["SANCTIONED_OWNER", "TRANSSHIPMENT_CHPL_TO_RUSSIA"],
            e!["node"]!["redFlags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>())));
        // Sent, received and declared: one call each for the whole page (ownership verdicts stay per party).
        Assert.Equal(3, counting.Calls("ExpandShipmentsAsync"));
        Assert.Equal(0, counting.Calls("GetAddressesAsync"));
    }
}
