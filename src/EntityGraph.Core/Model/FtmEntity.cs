namespace EntityGraph.Core.Model;

/// <summary>
/// A FollowTheMoney entity: an id, a schema name and a map of property names to lists of string
/// values. This is the form in which data enters and leaves EntityGraph; ids are kept as given.
/// </summary>
public sealed class FtmEntity
{
    public FtmEntity(string id, string schema, IReadOnlyDictionary<string, IReadOnlyList<string>> properties)
    {
        Id = id;
        Schema = schema;
        Properties = properties;
    }

    public string Id { get; }

    public string Schema { get; }

    /// <summary>Property name → values, in the order the source gave them, without duplicates.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; }

    /// <summary>The datasets that carry the entity (set by the store; empty on input).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>
    /// <see cref="Properties"/> as <see cref="FollowTheMoney.FtmPropertiesJson"/> encodes them, when whoever made the
    /// entity encoded them already (an importer does, on the thread that read the values); otherwise null. It describes
    /// the same values: an entity made from other properties never carries it over.
    /// </summary>
    public byte[]? EncodedProperties { get; init; }

    /// <summary>All values of a property, or an empty list.</summary>
    public IReadOnlyList<string> Values(string property) =>
        Properties.TryGetValue(property, out var values) ? values : [];

    /// <summary>The first value of a property, or null.</summary>
    public string? First(string property) =>
        Properties.TryGetValue(property, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>
    /// The union of two fragments of the same entity: values of each property in first-seen order,
    /// without duplicates (as <c>ftm aggregate</c> does). The more specific schema wins when the
    /// caller says which one that is.
    /// </summary>
    public static FtmEntity Merge(FtmEntity left, FtmEntity right, string schema)
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>(left.Properties.Count + right.Properties.Count, StringComparer.Ordinal);
        foreach (var (name, values) in left.Properties)
            merged[name] = values;
        foreach (var (name, values) in right.Properties)
        {
            if (!merged.TryGetValue(name, out var existing))
            {
                merged[name] = values;
                continue;
            }

            List<string>? union = null;
            foreach (var value in values)
            {
                if (existing.Contains(value) || (union?.Contains(value) ?? false))
                    continue;
                union ??= [.. existing];
                union.Add(value);
            }

            if (union is not null)
                merged[name] = union;
        }

        return new FtmEntity(left.Id, schema, merged)
        {
            Datasets = left.Datasets.Union(right.Datasets, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            FirstSeen = Min(left.FirstSeen, right.FirstSeen),
            LastSeen = Max(left.LastSeen, right.LastSeen),
        };
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
