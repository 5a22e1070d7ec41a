using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Shipments;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>PartyConnection</c> type: one page of search results.</summary>
public sealed class PartyConnectionGraphType : ObjectGraphType<SearchPage>
{
    public PartyConnectionGraphType()
    {
        Name = "PartyConnection";
        Description = "One page of parties found by a search, best match first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartyEdgeGraphType>>>>("edges").Description("The parties of this page with their cursors and scores.").Resolve(c => c.Source.Hits);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Where this page ends.").Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many parties match in all pages.").Resolve(c => c.Source.TotalCount);
    }
}
