using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Shipments;

/// <summary>The <c>PageInfo</c> type.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page ends, and whether another follows.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether there are more items after this page.").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Pass as `after` to get the next page; null on an empty page.").Resolve(c => c.Source.EndCursor);
    }
}
