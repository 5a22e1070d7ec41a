using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>
/// One chain of ownership links from a beneficial owner down to the company: <see cref="Links"/>[i] joins
/// <see cref="NodeIds"/>[i] (the owner) to <see cref="NodeIds"/>[i + 1] (what it owns).
/// </summary>
/// <param name="NodeIds">The parties in order, from the person down to the company.</param>
/// <param name="Links">The ownership links in order; one fewer than the parties.</param>
public sealed record OwnershipChain(IReadOnlyList<string> NodeIds, IReadOnlyList<Link> Links);
