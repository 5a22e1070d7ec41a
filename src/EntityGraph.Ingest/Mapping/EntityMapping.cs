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
        var scratch = KeyScratch.ForThisThread;
        var keys = Keys;
        Span<(int Start, int Length)> parts = keys.Count <= 16 ? stackalloc (int, int)[keys.Count] : new (int, int)[keys.Count];
        var count = 0;
        var at = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (row.Get(keys[i]) is not { } cell || cell.AsSpan().Trim() is not { Length: > 0 } value)
                continue;
            scratch.Reserve(at + Encoding.UTF8.GetMaxByteCount(value.Length));
            var written = Encoding.UTF8.GetBytes(value, scratch.Bytes.AsSpan(at));
            parts[count++] = (at, written);
            at += written;
        }

        if (count == 0)
            return null;
        var bytes = scratch.Bytes;
        parts = parts[..count];
        if (count > 1)
            parts.Sort((a, b) => bytes.AsSpan(a.Start, a.Length).SequenceCompareTo(bytes.AsSpan(b.Start, b.Length)));
        // Feeding the digest the parts one by one gives the digest of them joined.
        var hash = scratch.Hash;
        hash.AppendData(seed);
        foreach (var (start, length) in parts)
            hash.AppendData(bytes, start, length);
        Span<byte> digest = stackalloc byte[SHA1.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>The buffer and digest one thread reuses for every key it computes.</summary>
    private sealed class KeyScratch
    {
        [ThreadStatic]
        private static KeyScratch? _current;

        public static KeyScratch ForThisThread => _current ??= new KeyScratch();

        public byte[] Bytes { get; private set; } = new byte[256];

        public IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);

        public void Reserve(int length)
        {
            if (length > Bytes.Length)
            {
                var larger = new byte[Math.Max(length, Bytes.Length * 2)];
                Bytes.CopyTo(larger, 0);
                Bytes = larger;
            }
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
