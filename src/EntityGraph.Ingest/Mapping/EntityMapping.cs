using System.Security.Cryptography;
using System.Text;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Ingest.Tables;

namespace EntityGraph.Ingest.Mapping;

/// <summary>
/// One entity a query makes from each row: its schema, how its id is computed and how its properties are filled.
/// </summary>
public sealed class EntityMapping
{
    internal EntityMapping(string name, FtmSchema schema, long line)
    {
        Name = name;
        Schema = schema;
        Line = line;
    }

    /// <summary>The name the mapping gives it (<c>exporter</c>), which <c>entity:</c> references use.</summary>
    public string Name { get; }

    public FtmSchema Schema { get; }

    public long Line { get; }

    /// <summary>The columns whose values make the id (<c>keys</c>).</summary>
    public IReadOnlyList<string> Keys { get; internal init; } = [];

    /// <summary>A constant mixed into the id, so that two entities keyed on the same columns differ.</summary>
    public string? KeyLiteral { get; internal init; }

    /// <summary>A column that holds the id itself, instead of <see cref="Keys"/>.</summary>
    public string? IdColumn { get; internal init; }

    public IReadOnlyList<PropertyMapping> Properties { get; internal init; } = [];

    /// <summary>The entities this one references, which must be made first.</summary>
    public IReadOnlySet<string> Dependencies => Properties.Select(p => p.Entity).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Every column the entity reads.</summary>
    public IEnumerable<string> Refs => Keys.Concat(IdColumn is null ? [] : [IdColumn]).Concat(Properties.SelectMany(p => p.Refs));

    /// <summary>
    /// The id of the entity this row makes, as <c>ftm map</c> computes it: with <c>id_column</c>, that column's value;
    /// otherwise the SHA-1 hex digest of the key prefix (the dataset name), then <c>key_literal</c>, then the row's
    /// non-empty key values in byte order, each as UTF-8. Null when every key is empty: the row makes no such entity.
    /// </summary>
    public string? ComputeKey(TableRow row, string? keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (IdColumn is not null)
            return row.Get(IdColumn);
        var values = new List<byte[]>(Keys.Count);
        foreach (var key in Keys)
        {
            if (row.Get(key)?.Trim() is { Length: > 0 } value)
                values.Add(Encoding.UTF8.GetBytes(value));
        }

        if (values.Count == 0)
            return null;
        values.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(KeyBytes(keyPrefix));
        sha1.AppendData(KeyBytes(KeyLiteral));
        foreach (var value in values)
            sha1.AppendData(value);
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }

    private static byte[] KeyBytes(string? text) => text?.Trim() is { Length: > 0 } trimmed ? Encoding.UTF8.GetBytes(trimmed) : [];
}
