namespace EntityGraph.Core.Storage;

/// <summary>One page of search results.</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, bool HasNextPage, string? EndCursor, int TotalCount);
