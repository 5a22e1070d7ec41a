using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Parties;
using EntityGraph.Server.GraphQL.Sanctions;
using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>The <c>Exposure</c> type: a 50%-rule verdict with what it rests on.</summary>
public sealed class ExposureGraphType : ObjectGraphType<Exposure>
{
    public ExposureGraphType()
    {
        Name = "Exposure";
        Description = "Whether a party is blocked under an ownership rule on a given day, with the owners, percentages and sanctions the verdict rests on.";
        Field<NonNullGraphType<PartyInterface>>("party").Description("The party the verdict is about.").Resolve(c => c.Loaders().Party(c.Source.PartyId));
        Field<NonNullGraphType<OwnershipRuleGraphType>>("rule").Description("The rule applied.").Resolve(c => c.Source.Rule);
        Field<NonNullGraphType<PartialDateGraphType>>("asOf").Description("The day the verdict is for: sanctions and stakes not in force that day are left out.").Resolve(c => PartialDate.FromDate(c.Source.AsOf));
        Field<NonNullGraphType<BooleanGraphType>>("blocked").Description("Whether the party is blocked: directly sanctioned, or blocked owners hold 50% or more.").Resolve(c => c.Source.Blocked);
        Field<NonNullGraphType<BooleanGraphType>>("directlySanctioned").Description("Whether a sanction in force names the party itself.").Resolve(c => c.Source.DirectlySanctioned);
        Field<NonNullGraphType<FloatGraphType>>("blockedOwnershipPercent").Description("The sum of the known stakes held by blocked owners, in percent (ranges count their minimum).").Resolve(c => c.Source.BlockedOwnershipPercent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OwnershipContributionGraphType>>>>("contributions").Description("Every stake held in the party on the day, blocked owners first.").Resolve(c => c.Source.Contributions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SanctionGraphType>>>>("sanctions").Description("The party's own sanctions in force on the day.").Resolve(c => c.Source.Sanctions);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("Whether ownership was not followed to its end (depth or size bound); owners beyond were not checked.").Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("A sentence an investigator can quote: which owners, which percentages, which sanctions, as of which day.").Resolve(c => c.Source.Explanation);
    }
}
