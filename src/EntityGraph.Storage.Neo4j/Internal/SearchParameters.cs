using EntityGraph.Core.Search;
using EntityGraph.Core.Storage;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>The parameters of <c>search-parties</c>: the query tokens as a Lucene query on the full-text index, and the filters.</summary>
internal static class SearchParameters
{
    public static Dictionary<string, object?> For(PartySearch search, IReadOnlyList<string> tokens, int offset, IReadOnlyCollection<string> exactNames) => new(StringComparer.Ordinal)
    {
        ["query"] = LuceneQuery(tokens),
        ["exactNames"] = exactNames.ToList(),
        ["labels"] = (search.Kinds ?? []).Select(GraphModel.Label).Distinct(StringComparer.Ordinal).ToList(),
        ["countries"] = (search.Countries ?? []).Select(c => c.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
        ["offset"] = (long)offset,
        ["limit"] = (long)search.First + 1,
    };

    /// <summary>The parameters of <c>search-exact-names</c>: parties with every token, whole, and the tokens.</summary>
    public static Dictionary<string, object?> ExactNames(IReadOnlyList<string> tokens) => new(StringComparer.Ordinal)
    {
        ["query"] = string.Join(' ', tokens.Select(t => $"+\"{t}\"")),
        ["tokens"] = tokens.ToList(),
        ["tokenCount"] = (long)tokens.Count,
    };

    /// <summary>Whether a party's name is exactly the query: the same tokens, in any order.</summary>
    public static bool IsExactName(string? name, IReadOnlyList<string> tokens) =>
        string.Equals(SearchText.NameKey(name), SearchText.KeyOf(tokens), StringComparison.Ordinal);

    /// <summary>
    /// Every token is required; the last may be the start of a longer word, as it is while someone types.
    /// Prefixes of one or two letters would match a large part of the index, so they must be whole. Tokens
    /// are <c>[a-z0-9]+</c>, so quoting is enough.
    /// </summary>
    public static string LuceneQuery(IReadOnlyList<string> tokens) =>
        string.Join(' ', tokens.Select((t, i) => i == tokens.Count - 1 && t.Length >= 3 ? $"+{t}*" : $"+\"{t}\""));
}
