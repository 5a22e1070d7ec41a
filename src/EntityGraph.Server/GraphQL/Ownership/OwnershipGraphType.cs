using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Parties;
using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>The <c>Ownership</c> type: one stake, seen from the owner or from the asset.</summary>
public sealed class OwnershipGraphType : ObjectGraphType<PartyLink>
{
    public OwnershipGraphType()
    {
        Name = "Ownership";
        Description = "One ownership stake (FtM Ownership), seen from one of its parties: `party` is the other side (the owner in `owners`, the asset in `holdings`).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The id of the FtM Ownership entity, to cite it.").Resolve(c => c.Source.Link.Id);
        Field<PartyInterface>("party").Description("The party at the other end: the owner when listed under `owners`, the asset when listed under `holdings`. Null when the source names an id the graph does not hold.").Resolve(c => c.Loaders().Party(c.Source.PartyId));
        Field<PartyInterface>("owner").Description("The owner.").Resolve(c => c.Loaders().Party(c.Source.Link.SourceId));
        Field<PartyInterface>("asset").Description("What is owned.").Resolve(c => c.Loaders().Party(c.Source.Link.TargetId));
        Field<FloatGraphType>("percentage").Description("The stake in percent when the source gives one number (\"51%\" → 51); null for ranges, words or no value. Unknown stakes are never guessed.").Resolve(c => c.Source.Link.Share?.Exact);
        Field<FloatGraphType>("percentageMin").Description("The lower bound in percent when the source gives a number or a range (\"50-75%\" → 50).").Resolve(c => c.Source.Link.Share?.Minimum);
        Field<FloatGraphType>("percentageMax").Description("The upper bound in percent when the source gives a number or a range (\"50-75%\" → 75).").Resolve(c => c.Source.Link.Share?.Maximum);
        Field<StringGraphType>("percentageText").Description("The stake as the source wrote it (\"51%\", \"50-75%\", \"majority\").").Resolve(c => c.Source.Link.Share?.Text);
        Field<StringGraphType>("role").Description("The role or kind of ownership as the source states it (e.g. \"beneficial owner\").").Resolve(c => c.Source.Link.Role);
        Field<StringGraphType>("status").Description("The status as the source states it.").Resolve(c => c.Source.Link.Status);
        Field<PartialDateGraphType>("startDate").Description("When the stake was acquired.").Resolve(c => c.Source.Link.StartDate);
        Field<PartialDateGraphType>("endDate").Description("When the stake ended; null while held.").Resolve(c => c.Source.Link.EndDate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("datasets").Description("The datasets that state the stake.").Resolve(c => c.Source.Link.Provenance.Datasets);
    }
}
