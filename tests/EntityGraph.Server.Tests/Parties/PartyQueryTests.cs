using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Parties;

public sealed class PartyQueryTests
{
    [Fact]
    public async Task a_company_is_returned_with_its_owners_directors_sanctions_of_owners_and_address()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync("""
            query ($id: ID!) {
              party(id: $id) {
                __typename id kind name countries datasets
                ... on Company {
                  incorporationDate
                  owners { id percentage percentageText startDate party { name kind sanctions { authority program startDate } } }
                  directors { role party { name } }
                  addresses { full countries }
                }
              }
            }
            """, new { id = "acme" });

        JsonAssert.Equal("""
            {
              "party": {
                "__typename": "Company", "id": "acme", "kind": "COMPANY", "name": "Acme Trading LLC", "countries": ["kg"], "datasets": ["fixture"],
                "incorporationDate": "2022-05",
                "owners": [
                  { "id": "own-holdco-acme", "percentage": 49, "percentageText": "49", "startDate": null, "party": { "name": "Holdco Ltd", "kind": "COMPANY", "sanctions": [] } },
                  { "id": "own-ivanov-acme", "percentage": 51, "percentageText": "51%", "startDate": "2022-06", "party": { "name": "Ivan Ivanov", "kind": "PERSON", "sanctions": [ { "authority": "US OFAC", "program": "RUSSIA-EO14024", "startDate": "2022-04" } ] } }
                ],
                "directors": [ { "role": "director", "party": { "name": "Ivan Ivanov" } } ],
                "addresses": [ { "full": "1 Chui Ave, Bishkek", "countries": ["kg"] } ]
              }
            }
            """, data);
    }

    [Fact]
    public async Task a_person_shows_holdings_and_directorships_from_their_side()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync("""
            { party(id: "ivanov") { __typename ... on Person { holdings { percentage asset { name } party { id } } directorships { party { id } } } } }
            """);

        JsonAssert.Equal("""
            { "party": { "__typename": "Person", "holdings": [ { "percentage": 51, "asset": { "name": "Acme Trading LLC" }, "party": { "id": "acme" } } ], "directorships": [ { "party": { "id": "acme" } } ] } }
            """, data);
    }

    [Fact]
    public async Task an_unknown_party_is_null()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync("""{ party(id: "nobody") { id } }""");

        JsonAssert.Equal("""{ "party": null }""", data);
    }

    [Fact]
    public async Task shipments_are_filtered_and_paged_with_cursors()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);
        const string query = """
            query ($after: String) {
              party(id: "acme") {
                ... on Company {
                  shipmentsSent(first: 1, after: $after, hsPrefixes: ["8542"], from: "2023") {
                    totalCount pageInfo { hasNextPage endCursor } nodes { id chplTier valueUsd hsCode receiver { name } }
                  }
                }
              }
            }
            """;

        var first = await server.QueryAsync(query);
        var page = first["party"]!["shipmentsSent"]!;
        var cursor = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await server.QueryAsync(query, new { after = cursor });

        JsonAssert.Equal("""[ { "id": "s1", "chplTier": "TIER_1", "valueUsd": 1000, "hsCode": "854231", "receiver": { "name": "Buyer JSC" } } ]""", page["nodes"]);
        Assert.Equal(2, page["totalCount"]!.GetValue<int>());
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        JsonAssert.Equal("""
            { "totalCount": 2, "pageInfo": { "hasNextPage": false, "endCursor": null }, "nodes": [ { "id": "s3", "chplTier": "TIER_1", "valueUsd": 20000, "hsCode": "854231", "receiver": { "name": "Buyer JSC" } } ] }
            """.Replace("\"endCursor\": null", $"\"endCursor\": {System.Text.Json.JsonSerializer.Serialize(second["party"]!["shipmentsSent"]!["pageInfo"]!["endCursor"]!.GetValue<string>())}", StringComparison.Ordinal), second["party"]!["shipmentsSent"]);
    }

    [Fact]
    public async Task shipments_filter_by_minimum_value_and_received_shipments_name_the_sender()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync("""
            { party(id: "buyer") { ... on Company { shipmentsReceived(minValueUsd: 600) { totalCount nodes { id date sender { id } goodsDescription } } } } }
            """);

        JsonAssert.Equal("""
            { "party": { "shipmentsReceived": { "totalCount": 2, "nodes": [
              { "id": "s1", "date": "2023-01-10", "sender": { "id": "acme" }, "goodsDescription": "microcontrollers" },
              { "id": "s3", "date": "2023-03-01", "sender": { "id": "acme" }, "goodsDescription": "processors" } ] } } }
            """, data);
    }

    [Fact]
    public async Task a_shipment_is_returned_with_its_parties()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync("""{ shipment(id: "s2") { id date hsCode hs6 chplTier valueUsd sender { name } receiver { name } declarant { name } datasets } }""");

        JsonAssert.Equal("""
            { "shipment": { "id": "s2", "date": "2023-02", "hsCode": "8471", "hs6": null, "chplTier": null, "valueUsd": 500,
              "sender": { "name": "Acme Trading LLC" }, "receiver": { "name": "Buyer JSC" }, "declarant": null, "datasets": ["fixture"] } }
            """, data);
    }

    [Fact]
    public async Task an_invalid_partial_date_argument_is_bad_user_input()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (status, body) = await server.PostAsync("""{ party(id: "acme") { ... on Company { shipmentsSent(from: "2023-13") { totalCount } } } }""");

        Assert.Equal(400, status);
        Assert.Equal("BAD_USER_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_bad_shipment_cursor_is_bad_user_input()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (_, body) = await server.PostAsync("""{ party(id: "acme") { ... on Company { shipmentsSent(after: "not-a-cursor") { totalCount } } } }""");

        Assert.Equal("BAD_USER_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
