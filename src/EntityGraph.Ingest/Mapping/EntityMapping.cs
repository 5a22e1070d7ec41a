using System.Buffers;
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

    private KeySeed? _seed;

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
        var seed = Seed(keyPrefix);
        var values = new List<byte[]>(Keys.Count);
        var length = seed.Length;
        foreach (var key in Keys)
        {
            if (row.Get(key)?.Trim() is { Length: > 0 } value)
            {
                values.Add(Encoding.UTF8.GetBytes(value));
                length += values[^1].Length;
            }
        }

        if (values.Count == 0)
            return null;
        values.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        // One digest over the parts in order is the digest of feeding them one by one.
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            seed.CopyTo(buffer, 0);
            var at = seed.Length;
            foreach (var value in values)
            {
                value.CopyTo(buffer, at);
                at += value.Length;
            }

            Span<byte> digest = stackalloc byte[SHA1.HashSizeInBytes];
            SHA1.HashData(buffer.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The key prefix and key literal as the digest starts with them; kept for the prefix last asked for.</summary>
    private byte[] Seed(string? keyPrefix)
    {
        var seed = _seed;
        if (seed is not null && string.Equals(seed.Prefix, keyPrefix, StringComparison.Ordinal))
            return seed.Bytes;
        byte[] bytes = [.. KeyBytes(keyPrefix), .. KeyBytes(KeyLiteral)];
        _seed = new KeySeed(keyPrefix, bytes);
        return bytes;
    }

    private static byte[] KeyBytes(string? text) => text?.Trim() is { Length: > 0 } trimmed ? Encoding.UTF8.GetBytes(trimmed) : [];

    private sealed record KeySeed(string? Prefix, byte[] Bytes);
}
