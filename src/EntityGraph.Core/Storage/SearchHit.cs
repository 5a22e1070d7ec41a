using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>A party found by a search, with its opaque cursor and relevance (higher is better).</summary>
public sealed record SearchHit(Party Party, string Cursor, double Score);
