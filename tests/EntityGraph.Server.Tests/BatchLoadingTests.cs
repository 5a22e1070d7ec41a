using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests;

public sealed class BatchLoadingTests
{
    [Fact]
    public async Task a_hundred_parties_with_their_owners_and_sanctions_cost_a_constant_number_of_store_calls()
    {
        var graph = FtmGraph.Create();
        for (var i = 0; i < 100; i++)
        {
            graph.Company($"co-{i}", $"Baikal Components {i}", country: "kg")
                .Person($"owner-{i}", $"Owner Number {i}", country: "ru")
                .Owns($"owner-{i}", $"co-{i}", "60%")
                .Sanction($"owner-{i}", authority: "EU")
                .Shipment($"ship-{i}", $"co-{i}", $"owner-{i}", date: "2023-05-01", hs: "854231", value: 100);
        }

        CountingGraphStore? counting = null;
        await using var server = await EntityGraphTestServer.StartAsync(graph.Entities, services: StoreDecoration.With(store => counting = new CountingGraphStore(store)));
        counting!.Reset();

        var data = await server.QueryAsync("""
            {
              search(text: "baikal components", first: 100) {
                edges { node { name ... on Company {
                  owners { percentage party { name sanctions { authority } } }
                  shipmentsSent(first: 5) { totalCount nodes { receiver { name } } }
                } } }
              }
            }
            """);

        Assert.Equal(100, data["search"]!["edges"]!.AsArray().Count);
        Assert.All(data["search"]!["edges"]!.AsArray(), e => Assert.Equal("EU", e!["node"]!["owners"]![0]!["party"]!["sanctions"]![0]!["authority"]!.GetValue<string>()));
        // search, owner links, owners, sanction links, sanctions, shipment pages, receivers.
        var calls = counting.Snapshot();
        Assert.True(counting.TotalReads <= 7, "Store calls: " + string.Join(", ", calls.Select(c => $"{c.Key}={c.Value}")));
        Assert.Equal(1, counting.Calls("SearchAsync"));
        Assert.Equal(1, counting.Calls("GetShipmentPagesAsync"));
    }
}
