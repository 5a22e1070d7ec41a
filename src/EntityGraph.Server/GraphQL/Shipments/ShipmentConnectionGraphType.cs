using EntityGraph.Core.Storage;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Shipments;

/// <summary>The <c>ShipmentConnection</c> type: a page of a party's shipments.</summary>
public sealed class ShipmentConnectionGraphType : ObjectGraphType<ShipmentPage>
{
    public ShipmentConnectionGraphType()
    {
        Name = "ShipmentConnection";
        Description = "A page of a party's shipments, ordered by date then id.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentGraphType>>>>("nodes").Description("The shipments of this page.").Resolve(c => c.Source.Shipments);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Where this page ends.").Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many shipments match the filter in all pages.").Resolve(c => c.Source.TotalCount);
    }
}
