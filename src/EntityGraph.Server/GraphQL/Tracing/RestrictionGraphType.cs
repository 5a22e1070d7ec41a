using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Ownership;
using EntityGraph.Server.GraphQL.Sanctions;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>Restriction</c> type: why an end user is restricted.</summary>
public sealed class RestrictionGraphType : ObjectGraphType<Restriction>
{
    public RestrictionGraphType()
    {
        Name = "Restriction";
        Description = "Why a route's end user is restricted: the sanctions in force, or the blocked owners and their stakes.";
        Field<NonNullGraphType<RestrictionKindGraphType>>("kind").Description("The strongest reason.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SanctionGraphType>>>>("sanctions").Description("The sanctions naming the party that are in force on the day (empty unless SANCTIONED).")
            .Resolve(c => new ManyResult<Core.Model.Sanction>([.. c.Source.SanctionIds.Select(c.Loaders().Sanctions.Load)]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OwnershipContributionGraphType>>>>("owners").Description("The stakes of blocked owners that make the party blocked, with their percentages (empty unless OWNERSHIP_BLOCKED).")
            .Resolve(c => c.Source.Owners);
    }
}
