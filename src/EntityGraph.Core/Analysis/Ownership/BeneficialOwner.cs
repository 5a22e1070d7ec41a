namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>A natural person who holds at least the threshold of a company, summed over ownership chains.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="EffectivePercent">The sum over simple ownership paths of the product of their stakes, in percent.</param>
/// <param name="Paths">Each path as the ids of its ownership links, from the person down to the company.</param>
public sealed record BeneficialOwner(string PersonId, double EffectivePercent, IReadOnlyList<IReadOnlyList<string>> Paths);
