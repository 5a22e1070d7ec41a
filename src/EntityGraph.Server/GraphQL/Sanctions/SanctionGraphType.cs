using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Sanctions;

/// <summary>The <c>Sanction</c> type.</summary>
public sealed class SanctionGraphType : ObjectGraphType<Sanction>
{
    public SanctionGraphType()
    {
        Name = "Sanction";
        Description = "A sanctions designation (FtM Sanction) of one or more parties.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The FtM id of the designation.").Resolve(c => c.Source.Id);
        Field<StringGraphType>("authority").Description("Who imposed it, e.g. \"US OFAC\".").Resolve(c => c.Source.Authority);
        Field<StringGraphType>("program").Description("The sanctions programme, e.g. \"RUSSIA-EO14024\".").Resolve(c => c.Source.Program);
        Field<StringGraphType>("reason").Description("The reason given for the designation.").Resolve(c => c.Source.Reason);
        Field<PartialDateGraphType>("listingDate").Description("When the party was listed.").Resolve(c => c.Source.ListingDate);
        Field<PartialDateGraphType>("startDate").Description("When the measures took effect.").Resolve(c => c.Source.StartDate);
        Field<PartialDateGraphType>("endDate").Description("When the measures ended; null while in force.").Resolve(c => c.Source.EndDate);
        Field<StringGraphType>("status").Description("The status as the source states it.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("countries").Description("Countries of the designating authority (ISO-3166 alpha-2, lower case).").Resolve(c => c.Source.Countries);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("Whether the sanction is in force today: started (no start date, or one today or earlier) and not ended (no end date, or one today or later).").Resolve(c => c.Source.IsActiveOn(DateOnly.FromDateTime(DateTime.UtcNow)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("datasets").Description("The datasets that carry the designation.").Resolve(c => c.Source.Provenance.Datasets);
    }
}
