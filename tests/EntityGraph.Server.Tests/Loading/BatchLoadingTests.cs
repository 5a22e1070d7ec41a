using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Loading;

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

    [Fact]
    public async Task the_ownership_verdicts_of_a_hundred_parties_are_judged_together_in_a_few_store_calls()
    {
        var graph = FtmGraph.Create().Person("oligarch", "Sanctioned Oligarch", country: "ru").Sanction("oligarch", authority: "OFAC");
        for (var i = 0; i < 100; i++)
        {
            graph.Company($"co-{i}", $"Baikal Components {i}", country: "ru")
                .Company($"holding-{i}", $"Holding {i}", country: "cy")
                .Owns("oligarch", $"holding-{i}", i % 2 == 0 ? "50%" : "49%")
                .Owns($"holding-{i}", $"co-{i}", "100%");
        }

        CountingGraphStore? counting = null;
        await using var server = await EntityGraphTestServer.StartAsync(graph.Entities, services: StoreDecoration.With(store => counting = new CountingGraphStore(store)));
        counting!.Reset();

        var data = await server.QueryAsync("""
            {
              search(text: "baikal components", first: 100) {
                edges { node { id ... on Company { blocked(asOf: "2026-11-27") exposure(asOf: "2026-11-27") { blockedOwnershipPercent } } } }
              }
            }
            """);

        var edges = data["search"]!["edges"]!.AsArray();
        Assert.Equal(100, edges.Count);
        Assert.All(edges, e =>
        {
            var even = int.Parse(e!["node"]!["id"]!.GetValue<string>()[3..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0;
            Assert.Equal(even, e["node"]!["blocked"]!.GetValue<bool>());
            Assert.Equal(even ? 100 : 0, e["node"]!["exposure"]!["blockedOwnershipPercent"]!.GetValue<double>());
        });
        // search, then per verdict batch: parties, and per ownership level (3 levels and an empty one) sanctions and owners, then names.
        var calls = counting.Snapshot();
        Assert.True(counting.TotalReads <= 12, "Store calls: " + string.Join(", ", calls.Select(c => $"{c.Key}={c.Value}")));
    }
}
