using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>The <c>GraphEdge</c> type.</summary>
public sealed class GraphEdgeGraphType : ObjectGraphType<GraphEdge>
{
    public GraphEdgeGraphType()
    {
        Name = "GraphEdge";
        Description = "A directed edge for a graph view (Cytoscape `data` with `source` and `target`).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The link id: the FtM id of an interval entity (Ownership, Directorship, …), or `entity:property:target` for a link read from a property.").Resolve(c => c.Source.Link.Id);
        Field<NonNullGraphType<LinkKindGraphType>>("kind").Description("The kind of link.").Resolve(c => c.Source.Link.Kind);
        Field<NonNullGraphType<IdGraphType>>("source").Description("The id of the node the edge starts from.").Resolve(c => c.Source.Link.SourceId);
        Field<NonNullGraphType<IdGraphType>>("target").Description("The id of the node the edge points to.").Resolve(c => c.Source.Link.TargetId);
        Field<StringGraphType>("label").Description("A short caption: the stake (\"51%\"), the role, or the relationship.").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<JsonGraphType>>("properties").Description("The FtM properties of the entity that states the link (empty for links read from a property).").Resolve(c => c.Source.Link.Properties);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("datasets").Description("The datasets that state the link.").Resolve(c => c.Source.Link.Provenance.Datasets);
    }
}
