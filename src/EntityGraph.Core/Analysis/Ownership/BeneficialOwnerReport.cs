using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>The beneficial owners of a company, largest first, with the parties on their chains.</summary>
/// <param name="Owners">The owners at or above the threshold, largest first.</param>
/// <param name="Entities">The entities the store holds among the parties on the chains, by id.</param>
public sealed record BeneficialOwnerReport(IReadOnlyList<BeneficialOwnerChains> Owners, IReadOnlyDictionary<string, FtmEntity> Entities);
