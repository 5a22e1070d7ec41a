using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>The <c>GraphNode</c> type.</summary>
public sealed class GraphNodeGraphType : ObjectGraphType<GraphNode>
{
    public GraphNodeGraphType()
    {
        Name = "GraphNode";
        Description = "A node for a graph view (Cytoscape `data`, Sigma node attributes).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The FtM id of the node.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("The FtM schema of the node (Company, Person, Address, Sanction, EconomicActivity, …), or \"Unknown\" for an id that a link names but the graph does not hold.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("label").Description("A short caption: the name, the address, or the goods of a shipment.").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<JsonGraphType>>("properties").Description("All FtM properties of the node: property name → list of values.").Resolve(c => c.Source.Properties);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("datasets").Description("The datasets that carry the node.").Resolve(c => c.Source.Datasets);
    }
}
