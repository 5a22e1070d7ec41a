using EntityGraph.Core.Model;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>
/// Fragments are the values one dataset gives an entity. An entity is the union of its fragments'
/// values in dataset order, with the most specific schema (as <c>ftm aggregate</c> does).
/// </summary>
public static class FtmFragments
{
    /// <summary>
    /// A fragment: the entity as one dataset gives it, with when that dataset first and last carried it; and, when
    /// known, its properties as <see cref="FtmPropertiesJson"/> encodes them.
    /// </summary>
    public static FtmEntity Fragment(string id, string dataset, string schema, IReadOnlyDictionary<string, IReadOnlyList<string>> properties, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen, byte[]? encodedProperties = null) =>
        new(id, schema, properties)
        {
            Datasets = [dataset],
            FirstSeen = firstSeen,
            LastSeen = lastSeen,
            EncodedProperties = encodedProperties,
        };

    /// <summary>The more specific of two schemata when one is a kind of the other; null when neither is.</summary>
    public static string? MostSpecificSchema(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
            return a;
        var catalog = FtmSchemaCatalog.Default;
        if (!catalog.TryGet(a, out var left) || !catalog.TryGet(b, out var right))
            return null;
        if (left.IsA(b))
            return a;
        return right.IsA(a) ? b : null;
    }

    /// <summary>Merges fragments given in dataset order; a schema conflict (refused on write) keeps the first schema.</summary>
    public static FtmEntity Merge(IReadOnlyList<FtmEntity> fragments) => Merge(fragments, static f => f);

    /// <summary>Merges stored fragments given in dataset order, as <see cref="Merge(IReadOnlyList{FtmEntity})"/> does.</summary>
    public static FtmEntity Merge(IReadOnlyList<StoredFragment> fragments) => Merge(fragments, static f => f.Fragment);

    private static FtmEntity Merge<T>(IReadOnlyList<T> fragments, Func<T, FtmEntity> fragment)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        var merged = fragment(fragments[0]);
        for (var i = 1; i < fragments.Count; i++)
        {
            var next = fragment(fragments[i]);
            var schema = MostSpecificSchema(merged.Schema, next.Schema) ?? merged.Schema;
            merged = FtmEntity.Merge(merged, next, schema);
        }

        return merged;
    }
}
