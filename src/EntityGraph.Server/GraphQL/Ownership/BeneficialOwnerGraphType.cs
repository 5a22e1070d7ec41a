using EntityGraph.Server.GraphQL.Graph;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Parties;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>The <c>BeneficialOwner</c> type.</summary>
public sealed class BeneficialOwnerGraphType : ObjectGraphType<BeneficialOwnerResult>
{
    public BeneficialOwnerGraphType()
    {
        Name = "BeneficialOwner";
        Description = "A natural person holding at least the threshold of a company, summed over ownership chains (stakes multiply along a chain and add across chains).";
        Field<NonNullGraphType<PartyInterface>>("person").Description("The person.").Resolve(c => c.Loaders().Party(c.Source.PersonId));
        Field<NonNullGraphType<FloatGraphType>>("effectivePercent").Description("The effective stake in percent: the sum over simple ownership paths of the product of their stakes; unknown stakes end a path and are never guessed.").Resolve(c => c.Source.EffectivePercent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphPathGraphType>>>>("paths").Description("The ownership chains, from the person down to the company.").Resolve(c => c.Source.Paths);
    }
}
