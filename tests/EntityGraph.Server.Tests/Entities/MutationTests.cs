using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Entities;

public sealed class MutationTests
{
    [Fact]
    public async Task valid_entities_are_written_and_invalid_ones_come_back_as_errors_in_the_payload()
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var data = await server.QueryAsync("""
            mutation ($entities: [FtmEntityInput!]!) { upsertEntities(entities: $entities) { accepted rejected errors { id index field message } } }
            """, new
        {
            entities = new object[]
            {
                new { id = "new-co", schema = "Company", properties = new { name = new[] { "New Co" }, country = new[] { "kz" } } },
                new { id = "bad-schema", schema = "Spaceship", properties = new { name = new[] { "X" } } },
                new { id = "bad-prop", schema = "Person", properties = new { name = new[] { "P" }, wingspan = new[] { "3" } } },
            },
        });

        var payload = data["upsertEntities"]!;
        Assert.Equal(1, payload["accepted"]!.GetValue<int>());
        Assert.Equal(2, payload["rejected"]!.GetValue<int>());
        var errors = payload["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["index"]!.GetValue<int>() == 1 && e["id"]!.GetValue<string>() == "bad-schema" && e["field"]!.GetValue<string>() == "schema");
        Assert.Contains(errors, e => e!["index"]!.GetValue<int>() == 2 && e["field"]!.GetValue<string>() == "wingspan" && e["message"]!.GetValue<string>().Contains("wingspan", StringComparison.Ordinal));
        var written = await server.QueryAsync("""{ party(id: "new-co") { name countries datasets } }""");
        JsonAssert.Equal("""{ "party": { "name": "New Co", "countries": ["kz"], "datasets": ["api"] } }""", written);
    }

    [Fact]
    public async Task a_shipment_value_that_is_not_a_number_comes_back_as_an_error_naming_the_property_and_the_value()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync("""
            mutation ($entities: [FtmEntityInput!]!) { upsertEntities(entities: $entities) { accepted rejected errors { id index field message } } }
            """, new
        {
            entities = new object[]
            {
                new { id = "ship-priced", schema = "EconomicActivity", properties = new { sender = new[] { "acme" }, receiver = new[] { "buyer" }, invoiceAmount = new[] { "1,200.50" } } },
                new { id = "ship-unpriceable", schema = "EconomicActivity", properties = new { sender = new[] { "acme" }, receiver = new[] { "buyer" }, invoiceAmount = new[] { "abc" } } },
            },
        });

        JsonAssert.Equal("""
            { "upsertEntities": { "accepted": 1, "rejected": 1, "errors": [
              { "id": "ship-unpriceable", "index": 1, "field": "invoiceAmount",
                "message": "'invoiceAmount' value 'abc' is not a number; it is read as the shipment's value in US dollars (e.g. 1234.5 or 1,234.50)" } ] } }
            """, data);
    }

    [Fact]
    public async Task delete_entity_removes_it_and_says_false_for_an_unknown_id()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var deleted = await server.QueryAsync("""mutation { deleteEntity(id: "buyer") }""");
        var again = await server.QueryAsync("""mutation { deleteEntity(id: "buyer") }""");
        var party = await server.QueryAsync("""{ party(id: "buyer") { id } }""");

        JsonAssert.Equal("""{ "deleteEntity": true }""", deleted);
        JsonAssert.Equal("""{ "deleteEntity": false }""", again);
        JsonAssert.Equal("""{ "party": null }""", party);
    }
}
