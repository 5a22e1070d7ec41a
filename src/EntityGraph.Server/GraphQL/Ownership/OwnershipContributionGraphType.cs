using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Parties;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>The <c>OwnershipContribution</c> type: one owner's stake in a verdict.</summary>
public sealed class OwnershipContributionGraphType : ObjectGraphType<OwnershipContribution>
{
    public OwnershipContributionGraphType()
    {
        Name = "OwnershipContribution";
        Description = "One stake held in the party of a verdict, active on the verdict's day.";
        Field<NonNullGraphType<PartyInterface>>("owner").Description("The owner.").Resolve(c => c.Loaders().Party(c.Source.OwnerId));
        Field<NonNullGraphType<IdGraphType>>("ownershipId").Description("The id of the FtM Ownership stating the stake, to cite it.").Resolve(c => c.Source.OwnershipId);
        Field<FloatGraphType>("percentage").Description("The stake counted, in percent: the number, or the minimum of a range (\"50-75%\" → 50); null when the size is unknown (\"majority\"), which is never counted.").Resolve(c => c.Source.Percentage);
        Field<StringGraphType>("percentageText").Description("The stake as the source wrote it.").Resolve(c => c.Source.PercentageText);
        Field<NonNullGraphType<BooleanGraphType>>("ownerBlocked").Description("Whether the owner is blocked under the rule; only stakes of blocked owners count.").Resolve(c => c.Source.OwnerBlocked);
    }
}
