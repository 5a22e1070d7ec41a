using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>
/// Which links to fetch around a set of nodes, in one store call.
/// </summary>
/// <param name="NodeIds">The nodes to expand.</param>
/// <param name="Kinds">Link kinds to follow; null or empty follows all.</param>
/// <param name="Direction">Outgoing (node is the source), incoming (node is the target) or both.</param>
/// <param name="ActiveFrom">When set, skip links that ended before this day.</param>
/// <param name="ActiveTo">When set, skip links that started after this day.</param>
/// <param name="Limit">The most links to return in all; the store returns at most this many.</param>
public sealed record LinkExpansion(
    IReadOnlyCollection<string> NodeIds,
    IReadOnlyCollection<LinkKind>? Kinds = null,
    LinkDirection Direction = LinkDirection.Both,
    DateOnly? ActiveFrom = null,
    DateOnly? ActiveTo = null,
    int Limit = 10_000);
