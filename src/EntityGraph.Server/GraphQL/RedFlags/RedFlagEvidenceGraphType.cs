using EntityGraph.Core.Analysis.RedFlags;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Parties;
using EntityGraph.Server.GraphQL.Sanctions;
using EntityGraph.Server.GraphQL.Shipments;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.RedFlags;

/// <summary>The <c>RedFlagEvidence</c> type: what a red flag rests on, by kind.</summary>
public sealed class RedFlagEvidenceGraphType : ObjectGraphType<RedFlagEvidence>
{
    public RedFlagEvidenceGraphType()
    {
        Name = "RedFlagEvidence";
        Description = "What a red flag rests on, grouped by kind: ids to cite, and the same records to display.";
        Ids("shipmentIds", "Ids of the shipments (FtM EconomicActivity), in date order.", e => e.ShipmentIds);
        Ids("partyIds", "Ids of the other parties involved: owners, directors, controllers, neighbours, receivers, declarants.", e => e.PartyIds);
        Ids("sanctionIds", "Ids of the sanctions in force on the day.", e => e.SanctionIds);
        Ids("addressIds", "Ids of the addresses.", e => e.AddressIds);
        Ids("linkIds", "Ids of the links: FtM Ownership, Directorship and Control ids, and address registrations (`party:addressEntity:address`).", e => e.LinkIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentGraphType>>>>("shipments").Description("The shipments of `shipmentIds`.")
            .Resolve(c => new ManyResult<Core.Model.Shipment>([.. c.Source.ShipmentIds.Select(c.Loaders().Shipments.Load)]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartyInterface>>>>("parties").Description("The parties of `partyIds`.")
            .Resolve(c => new ManyResult<Core.Model.Party>([.. c.Source.PartyIds.Select(c.Loaders().Parties.Load)]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SanctionGraphType>>>>("sanctions").Description("The sanctions of `sanctionIds`.")
            .Resolve(c => new ManyResult<Core.Model.Sanction>([.. c.Source.SanctionIds.Select(c.Loaders().Sanctions.Load)]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AddressGraphType>>>>("addresses").Description("The addresses of `addressIds`.")
            .Resolve(c => new ManyResult<Core.Model.Address>([.. c.Source.AddressIds.Select(c.Loaders().Addresses.Load)]));
    }

    private void Ids(string name, string description, Func<RedFlagEvidence, IReadOnlyList<string>> ids) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>(name).Description(description).Resolve(c => ids(c.Source));
}
