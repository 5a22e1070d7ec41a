using EntityGraph.Core.Storage;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>PartyEdge</c> type: one search hit.</summary>
public sealed class PartyEdgeGraphType : ObjectGraphType<SearchHit>
{
    public PartyEdgeGraphType()
    {
        Name = "PartyEdge";
        Description = "One party found by a search.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue the search after this party.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<PartyInterface>>("node").Description("The party.").Resolve(c => c.Source.Party);
        Field<FloatGraphType>("score").Description("Relevance to the search text; higher is better.").Resolve(c => c.Source.Score);
    }
}
