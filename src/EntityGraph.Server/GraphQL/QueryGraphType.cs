using EntityGraph.Server.GraphQL.Graph;
using EntityGraph.Server.GraphQL.Ownership;
using EntityGraph.Server.GraphQL.Parties;
using EntityGraph.Server.GraphQL.Paths;
using EntityGraph.Server.GraphQL.Shipments;
using EntityGraph.Server.GraphQL.Tracing;
using EntityGraph.Server.GraphQL.TradeFlows;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL;

/// <summary>The <c>Query</c> root: look parties and shipments up, search, draw neighbourhoods and run the analyses. Each field lives beside its topic.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Description = "Look up parties and shipments, search parties by name, and draw the neighbourhood of a set of nodes.";
        this.AddPartyField();
        this.AddShipmentField();
        this.AddSearchField();
        this.AddLinkSubgraphField();
        this.AddTraceChainsField();
        this.AddPathsField();
        this.AddExposureField();
        this.AddBeneficialOwnersField();
        this.AddTradeFlowsField();
    }
}
