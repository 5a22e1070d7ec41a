namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>A beneficial owner with the ownership chains that make up its effective stake.</summary>
/// <param name="PersonId">The natural person.</param>
/// <param name="EffectivePercent">The sum over the chains of the product of their stakes, in percent.</param>
/// <param name="Chains">The chains, link by link, from the person down to the company.</param>
public sealed record BeneficialOwnerChains(string PersonId, double EffectivePercent, IReadOnlyList<OwnershipChain> Chains);
