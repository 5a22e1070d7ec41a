using EntityGraph.Core.Analysis.Ownership;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>Why a party is restricted.</summary>
/// <param name="Kind">The strongest reason.</param>
/// <param name="SanctionIds">The active sanctions naming the party (empty when none).</param>
/// <param name="Owners">
/// The stakes of blocked owners that make it blocked, with their percentages (empty unless
/// <see cref="RestrictionKind.OwnershipBlocked"/>).
/// </param>
public sealed record Restriction(RestrictionKind Kind, IReadOnlyList<string> SanctionIds, IReadOnlyList<OwnershipContribution> Owners);
