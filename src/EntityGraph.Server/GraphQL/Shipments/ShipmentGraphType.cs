using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Parties;
using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Shipments;

/// <summary>The <c>Shipment</c> type.</summary>
public sealed class ShipmentGraphType : ObjectGraphType<Shipment>
{
    public ShipmentGraphType()
    {
        Name = "Shipment";
        Description = "One customs declaration (FtM EconomicActivity): goods sent from a sender to a receiver.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The FtM id of the declaration.").Resolve(c => c.Source.Id);
        Field<PartialDateGraphType>("date").Description("The declaration date, with the precision the source gives.").Resolve(c => c.Source.Date);
        Field<PartyInterface>("sender").Description("Who sent the goods (the exporter).").Resolve(c => c.Loaders().Party(c.Source.SenderId));
        Field<PartyInterface>("receiver").Description("Who received the goods (the importer).").Resolve(c => c.Loaders().Party(c.Source.ReceiverId));
        Field<PartyInterface>("declarant").Description("Who declared the goods to customs, often a broker or forwarder.").Resolve(c => c.Loaders().Party(c.Source.DeclarantId));
        Field<StringGraphType>("hsCode").Description("The Harmonized System code, digits only (\"85423100\").").Resolve(c => c.Source.HsCode?.Digits);
        Field<StringGraphType>("hs6").Description("The first six digits of the HS code, shared internationally; null when fewer are known.").Resolve(c => c.Source.HsCode?.Hs6);
        Field<ChplTierGraphType>("chplTier").Description("The Common High Priority List tier of the HS-6 code; null when the goods are not on the list.").Resolve(c => c.Source.ChplTier);
        Field<StringGraphType>("goodsDescription").Description("The goods as declared.").Resolve(c => c.Source.GoodsDescription);
        Field<FloatGraphType>("valueUsd").Description("The value in US dollars: the customs amount, else the invoice amount.").Resolve(c => c.Source.ValueUsd);
        Field<StringGraphType>("originCountry").Description("Where the goods were made (ISO-3166 alpha-2, lower case).").Resolve(c => c.Source.OriginCountry);
        Field<StringGraphType>("departureCountry").Description("Where the goods left from.").Resolve(c => c.Source.DepartureCountry);
        Field<StringGraphType>("destinationCountry").Description("Where the goods went.").Resolve(c => c.Source.DestinationCountry);
        Field<StringGraphType>("tradingCountry").Description("The country of the trading partner.").Resolve(c => c.Source.TradingCountry);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("datasets").Description("The datasets that carry the declaration.").Resolve(c => c.Source.Provenance.Datasets);
    }
}
