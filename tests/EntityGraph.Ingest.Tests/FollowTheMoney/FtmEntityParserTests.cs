using EntityGraph.Ingest.FollowTheMoney;

namespace EntityGraph.Ingest.Tests.FollowTheMoney;

public class FtmEntityParserTests
{
    [Fact]
    public void an_ftm_line_gives_id_schema_properties_and_provenance()
    {
        var input = FtmEntityParser.Parse("""
            {"id":"c1","schema":"Company","caption":"Acme","referents":["x"],"target":true,
             "properties":{"name":["Acme","ACME"],"country":"de","topics":[]},
             "datasets":["opensanctions"],"first_seen":"2023-01-02T03:04:05","last_seen":"2024-05-06T07:08:09"}
            """);

        Assert.Empty(input.Problems);
        Assert.Equal("c1", input.Id);
        Assert.Equal("Company", input.Schema);
        Assert.Equal(["Acme", "ACME"], input.Properties["name"]);
        Assert.Equal(["de"], input.Properties["country"]);
        Assert.False(input.Properties.ContainsKey("topics"));
        Assert.Equal(["opensanctions"], input.Datasets);
        Assert.Equal(new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.Zero), input.FirstSeen);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), input.LastSeen);
    }

    [Fact]
    public void repeated_values_are_kept_once_in_first_seen_order()
    {
        var input = FtmEntityParser.Parse("""{"id":"c1","schema":"Company","properties":{"name":["B","A","B"]}}""");

        Assert.Equal(["B", "A"], input.Properties["name"]);
    }

    [Fact]
    public void a_number_where_a_string_belongs_is_a_problem_named_after_the_property()
    {
        var input = FtmEntityParser.Parse("""{"id":"c1","schema":"Company","properties":{"name":["A", 7]}}""");

        var problem = Assert.Single(input.Problems);
        Assert.Equal("name", problem.Field);
        Assert.Contains("a number", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["A"], input.Properties["name"]);
    }

    [Fact]
    public void text_that_is_not_json_is_unreadable()
    {
        var input = FtmEntityParser.Parse("""{"id":"c1", oops}""");

        Assert.False(input.IsReadable);
        Assert.Contains("not valid JSON", Assert.Single(input.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void trailing_text_after_the_object_is_not_json()
    {
        var input = FtmEntityParser.Parse("""{"id":"c1","schema":"Company"} extra""");

        Assert.False(input.IsReadable);
    }

    [Fact]
    public void separately_submitted_parts_are_read_like_a_line()
    {
        var input = FtmEntityParser.FromParts("o1", "Ownership", """{"owner":"p1","asset":["c1"],"percentage":"51%"}""");

        Assert.Empty(input.Problems);
        Assert.Equal(["p1"], input.Properties["owner"]);
        Assert.Equal(["51%"], input.Properties["percentage"]);
    }
}
