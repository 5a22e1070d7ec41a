using System.Text.Json.Nodes;
using EntityGraph.Storage.Neo4j.QueryApi;
using static EntityGraph.Storage.Neo4j.Tests.QueryApi.DocumentedResponses;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

public sealed class TypedJsonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_read_posts_typed_json_to_the_query_endpoint_and_reads_the_documented_answer()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, PersonAndName);
        using var client = TestClients.For(stub);

        var result = await client.ReadAsync(
            "MATCH (p:Person {name: $name}) RETURN p AS person, p.name AS name",
            new Dictionary<string, object?> { ["name"] = "Phil" },
            Ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/db/neo4j/query/v2", request.Path);
        Assert.Equal("application/vnd.neo4j.query", request.Header("Accept"));
        Assert.Equal("application/vnd.neo4j.query", request.Header("Content-Type"));
        AssertJson(
            """
            {
              "statement": "MATCH (p:Person {name: $name}) RETURN p AS person, p.name AS name",
              "parameters": { "name": { "$type": "String", "_value": "Phil" } },
              "accessMode": "Read"
            }
            """,
            request.Json);

        Assert.Equal(["person", "name"], result.Fields);
        var person = Assert.IsType<Neo4jNode>(result.Values[0][0]);
        Assert.Equal("4:ff04df25-ff2b-4b55-98f8-6888297b025e:2", person.ElementId);
        Assert.Equal(["Person"], person.Labels);
        Assert.Equal("Phil", person.Properties["name"]);
        Assert.Equal(["Phil"], result.Column("name"));
        Assert.Equal([Bookmark], result.Bookmarks);
    }

    [Fact]
    public async Task every_documented_value_type_decodes_to_its_dotnet_value()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, EveryValueType);
        using var client = TestClients.For(stub);

        var result = await client.ReadAsync("RETURN ...", TestClients.NoParameters, Ct);
        var row = result.Fields.Zip(result.Values.Single()).ToDictionary(p => p.First, p => p.Second);

        Assert.Null(row["null"]);
        Assert.Equal(true, row["boolean"]);
        Assert.Equal(9007199254740993L, row["integer"]);
        Assert.Equal(9.81, row["float"]);
        Assert.Equal("Ivanov Trading LLC", row["string"]);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, row["base64"]);
        Assert.Equal(new object?[] { 1L, "two" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(row["list"]));
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(row["map"]);
        Assert.Equal("Phil", map["name"]);
        Assert.Equal(42L, map["age"]);
        Assert.Equal(new DateOnly(2015, 3, 26), row["date"]);
        Assert.Equal(new Neo4jTime(new TimeOnly(12, 50, 35, 556), TimeSpan.FromHours(1)), row["time"]);
        Assert.Equal(new TimeOnly(12, 50, 35, 556), row["localTime"]);
        var localDateTime = Assert.IsType<DateTime>(row["localDateTime"]);
        Assert.Equal(new DateTime(2015, 7, 4, 19, 32, 24), localDateTime);
        Assert.Equal(DateTimeKind.Unspecified, localDateTime.Kind);
        Assert.Equal(new DateTimeOffset(2015, 11, 21, 21, 40, 32, 142, TimeSpan.Zero), row["offsetDateTime"]);
        var zoned = Assert.IsType<Neo4jZonedDateTime>(row["zonedDateTime"]);
        Assert.Equal(new DateTimeOffset(2015, 11, 21, 21, 40, 32, 142, TimeSpan.FromHours(1)), zoned.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), zoned.DateTime.Offset);
        Assert.Equal("Europe/Berlin", zoned.Zone);
        Assert.Equal(new Neo4jDuration(0, 14, (16 * 3600) + (12 * 60), 0), row["duration"]);
        Assert.Equal(new Neo4jPoint(7203, 1.2, 3.4), row["point"]);
        Assert.Equal(new Neo4jPoint(4979, 12.5, 56.2, 1000.0), row["point3d"]);

        var node = Assert.IsType<Neo4jNode>(row["node"]);
        Assert.Equal("4:ff04df25-ff2b-4b55-98f8-6888297b025e:0", node.ElementId);
        Assert.Equal(["Person"], node.Labels);
        Assert.Equal("Alice", node.Properties["name"]);
        Assert.Equal(42L, node.Properties["age"]);

        var relationship = Assert.IsType<Neo4jRelationship>(row["relationship"]);
        Assert.Equal("KNOWS", relationship.Type);
        Assert.Equal("4:ff04df25-ff2b-4b55-98f8-6888297b025e:0", relationship.StartNodeElementId);
        Assert.Equal("4:ff04df25-ff2b-4b55-98f8-6888297b025e:1", relationship.EndNodeElementId);
        Assert.Equal(2020L, relationship.Properties["since"]);

        var path = Assert.IsType<Neo4jPath>(row["path"]);
        Assert.Equal(["4:ff04df25-ff2b-4b55-98f8-6888297b025e:0", "4:ff04df25-ff2b-4b55-98f8-6888297b025e:1"], path.Nodes.Select(n => n.ElementId));
        Assert.Equal("KNOWS", Assert.Single(path.Relationships).Type);
    }

    [Theory]
    [InlineData("Float", "NaN", double.NaN)]
    [InlineData("Float", "Infinity", double.PositiveInfinity)]
    [InlineData("Float", "-Infinity", double.NegativeInfinity)]
    [InlineData("Float", "-1.5E-7", -1.5E-7)]
    public async Task special_floats_decode(string type, string text, double expected)
    {
        var value = await DecodeOne($$"""{ "$type": "{{type}}", "_value": "{{text}}" }""");
        Assert.Equal(expected, Assert.IsType<double>(value));
    }

    [Theory]
    [InlineData("P14DT16H12M", 0, 14, 58320, 0)]
    [InlineData("P1Y2M3DT4H5M6.5S", 14, 3, 14706, 500_000_000)]
    [InlineData("P2W", 0, 14, 0, 0)]
    [InlineData("PT0.000000001S", 0, 0, 0, 1)]
    [InlineData("PT-0.5S", 0, 0, -1, 500_000_000)]
    [InlineData("P-1M-2D", -1, -2, 0, 0)]
    public async Task durations_keep_months_days_and_seconds_apart(string iso, long months, long days, long seconds, int nanoseconds)
    {
        var value = await DecodeOne($$"""{ "$type": "Duration", "_value": "{{iso}}" }""");
        Assert.Equal(new Neo4jDuration(months, days, seconds, nanoseconds), value);
    }

    [Fact]
    public async Task nanosecond_times_are_cut_to_the_dotnet_tick()
    {
        Assert.Equal(
            new TimeOnly(12, 50, 35).Add(TimeSpan.FromTicks(1234567)),
            await DecodeOne("""{ "$type": "LocalTime", "_value": "12:50:35.123456789" }"""));
        Assert.Equal(
            new DateTimeOffset(2024, 1, 1, 21, 40, 32, TimeSpan.FromHours(-1)).AddTicks(1234567),
            await DecodeOne("""{ "$type": "OffsetDateTime", "_value": "2024-01-01T21:40:32.123456789-01:00" }"""));
    }

    [Fact]
    public async Task a_value_of_an_unknown_type_fails_with_the_type_named()
    {
        var e = await Assert.ThrowsAsync<Neo4jException>(() => DecodeOne("""{ "$type": "Hologram", "_value": "?" }"""));
        Assert.Contains("Hologram", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "$type": "Integer", "_value": "twelve" }""")]
    [InlineData("""{ "$type": "Date", "_value": "26/03/2015" }""")]
    [InlineData("""{ "$type": "Point", "_value": "POINT (1 2)" }""")]
    [InlineData("""{ "$type": "Duration", "_value": "P" }""")]
    [InlineData("""{ "$type": "Node", "_value": { "_labels": [] } }""")]
    [InlineData("""{ "$type": "Path", "_value": [ { "$type": "String", "_value": "not a node" } ] }""")]
    public async Task a_malformed_value_fails_with_a_bad_value_error(string typedValue)
    {
        var e = await Assert.ThrowsAsync<Neo4jException>(() => DecodeOne(typedValue));
        Assert.Equal("EntityGraph.QueryApi.BadValue", e.Code);
    }

    [Fact]
    public async Task parameters_are_sent_as_typed_json()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne);
        using var client = TestClients.For(stub);

        await client.ReadAsync(
            "RETURN 1",
            new Dictionary<string, object?>
            {
                ["name"] = "Ivanov Trading LLC",
                ["share"] = 50,
                ["big"] = 9007199254740993L,
                ["ratio"] = 0.25,
                ["active"] = true,
                ["missing"] = null,
                ["ids"] = new[] { "a", "b" },
                ["address"] = new Dictionary<string, object?> { ["city"] = "Riga", ["floor"] = 3 },
                ["rows"] = new List<Dictionary<string, object?>> { new() { ["id"] = "x" } },
                ["since"] = new DateOnly(2022, 2, 24),
                ["at"] = new DateTimeOffset(2024, 1, 1, 21, 40, 32, TimeSpan.FromHours(-1)),
                ["bytes"] = new byte[] { 1, 2, 3, 4 },
                ["record"] = new { hs = "8542", amount = 12.5 },
            },
            Ct);

        AssertJson(
            """
            {
              "name": { "$type": "String", "_value": "Ivanov Trading LLC" },
              "share": { "$type": "Integer", "_value": "50" },
              "big": { "$type": "Integer", "_value": "9007199254740993" },
              "ratio": { "$type": "Float", "_value": "0.25" },
              "active": { "$type": "Boolean", "_value": true },
              "missing": { "$type": "Null", "_value": null },
              "ids": { "$type": "List", "_value": [ { "$type": "String", "_value": "a" }, { "$type": "String", "_value": "b" } ] },
              "address": { "$type": "Map", "_value": { "city": { "$type": "String", "_value": "Riga" }, "floor": { "$type": "Integer", "_value": "3" } } },
              "rows": { "$type": "List", "_value": [ { "$type": "Map", "_value": { "id": { "$type": "String", "_value": "x" } } } ] },
              "since": { "$type": "Date", "_value": "2022-02-24" },
              "at": { "$type": "OffsetDateTime", "_value": "2024-01-01T21:40:32-01:00" },
              "bytes": { "$type": "Base64", "_value": "AQIDBA==" },
              "record": { "$type": "Map", "_value": { "hs": { "$type": "String", "_value": "8542" }, "amount": { "$type": "Float", "_value": "12.5" } } }
            }
            """,
            Assert.Single(stub.Requests).Json["parameters"]!);
    }

    [Fact]
    public async Task temporal_and_spatial_parameters_keep_their_cypher_types()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne);
        using var client = TestClients.For(stub);

        await client.ReadAsync(
            "RETURN 1",
            new Dictionary<string, object?>
            {
                ["localDateTime"] = new DateTime(2015, 7, 4, 19, 32, 24),
                ["utc"] = new DateTime(2015, 11, 21, 21, 40, 32, 142, DateTimeKind.Utc),
                ["localTime"] = new TimeOnly(12, 50, 35, 556),
                ["time"] = new Neo4jTime(new TimeOnly(12, 50, 35), TimeSpan.FromHours(1)),
                ["zoned"] = new Neo4jZonedDateTime(new DateTimeOffset(2015, 11, 21, 21, 40, 32, TimeSpan.FromHours(1)), "Europe/Berlin"),
                ["duration"] = new Neo4jDuration(14, 3, 58320, 500_000_000),
                ["elapsed"] = TimeSpan.FromSeconds(90.25),
                ["point"] = new Neo4jPoint(4326, 24.1, 56.95),
                ["point3d"] = new Neo4jPoint(9157, 1, 2, 3.5),
                ["nan"] = double.NaN,
            },
            Ct);

        AssertJson(
            """
            {
              "localDateTime": { "$type": "LocalDateTime", "_value": "2015-07-04T19:32:24" },
              "utc": { "$type": "OffsetDateTime", "_value": "2015-11-21T21:40:32.142Z" },
              "localTime": { "$type": "LocalTime", "_value": "12:50:35.556" },
              "time": { "$type": "Time", "_value": "12:50:35+01:00" },
              "zoned": { "$type": "ZonedDateTime", "_value": "2015-11-21T21:40:32+01:00[Europe/Berlin]" },
              "duration": { "$type": "Duration", "_value": "P14M3DT58320.5S" },
              "elapsed": { "$type": "Duration", "_value": "P0M0DT90.25S" },
              "point": { "$type": "Point", "_value": "SRID=4326;POINT (24.1 56.95)" },
              "point3d": { "$type": "Point", "_value": "SRID=9157;POINT Z (1 2 3.5)" },
              "nan": { "$type": "Float", "_value": "NaN" }
            }
            """,
            Assert.Single(stub.Requests).Json["parameters"]!);
    }

    [Fact]
    public async Task a_parameter_of_a_type_cypher_cannot_hold_is_refused_before_sending()
    {
        await using var stub = QueryApiStub.Start();
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.ReadAsync(
            "RETURN $m",
            new Dictionary<string, object?> { ["m"] = new Dictionary<int, string> { [1] = "x" } },
            Ct));

        Assert.Contains("$m", e.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    private static async Task<object?> DecodeOne(string typedValue)
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, $$"""{ "data": { "fields": ["v"], "values": [[ {{typedValue}} ]] }, "bookmarks": [] }""");
        using var client = TestClients.For(stub);
        var result = await client.ReadAsync("RETURN $v AS v", TestClients.NoParameters, Ct);
        return result.Values.Single().Single();
    }

    internal static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}{Environment.NewLine}but the client sent {actual.ToJsonString()}");
}
