using EntityGraph.Server.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Shipments;

/// <summary>The <c>shipment</c> root field: one customs declaration by id.</summary>
internal static class ShipmentField
{
    public static void AddShipmentField(this ObjectGraphType query) =>
        query.Field<ShipmentGraphType>("shipment")
            .Description("The shipment (customs declaration) with this id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The FtM id of the EconomicActivity.")
            .Resolve(c => c.Loaders().Shipments.Load(c.GetArgument<string>("id")));
}
