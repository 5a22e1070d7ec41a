using EntityGraph.Core.Model;

namespace EntityGraph.Storage.Neo4j.Tests;

public sealed class GraphModelTests
{
    [Fact]
    public void every_link_kind_has_its_own_relationship_type()
    {
        var types = Enum.GetValues<LinkKind>().Select(GraphModel.RelationshipType).ToList();
        Assert.Equal(types.Count, types.Distinct(StringComparer.Ordinal).Count());
        Assert.All(types, t => Assert.Matches("^[A-Z_]+$", t));
    }

    [Fact]
    public void labels_are_distinct()
    {
        Assert.Equal(GraphModel.Labels.Count, GraphModel.Labels.Distinct(StringComparer.Ordinal).Count());
    }
}
