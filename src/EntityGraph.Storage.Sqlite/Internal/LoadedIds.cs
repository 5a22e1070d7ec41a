namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Where a bulk load put each id's fragments while the fragments' id index is set aside: the rows an id may have,
/// found from 28 bits of its hash. A row found so is only a candidate, read and compared by id before it counts, so
/// a shared hash or a row a failed batch took back costs a read, never a wrong answer. An id that was never written
/// finds no row at all, or, for one id in 2^28 / (ids written), a candidate that the read then rules out.
/// </summary>
/// <remarks>
/// Each entry is one 64-bit word: the 28 hash bits and the row's key, in an open-addressed table filled to at most
/// three quarters; about 11 bytes per id on average, where the index it stands for takes 70 and is written at random.
/// </remarks>
internal sealed class LoadedIds
{
    private const int HashBits = 28;
    private const int KeyBits = 64 - HashBits;
    private const long MostKey = (1L << KeyBits) - 1;

    private long[] _slots;
    private int _bits;
    private int _count;

    /// <param name="bits">The table starts with 2^bits slots.</param>
    /// <param name="most">The most ids it takes before <see cref="IsFull"/>; as many as 2^28 slots hold by default.</param>
    public LoadedIds(int bits = 16, int most = (1 << HashBits) / 4 * 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, HashBits);
        _bits = bits;
        _slots = new long[1 << bits];
        Most = most;
    }

    /// <summary>The most ids it takes; once it holds them, the load builds the index instead.</summary>
    public int Most { get; }

    public int Count => _count;

    public bool IsFull => _count >= Most;

    /// <summary>Records that the fragment in row <paramref name="key"/> has id <paramref name="id"/>.</summary>
    public void Add(string id, long key)
    {
        if (key is <= 0 or > MostKey)
            throw new ArgumentOutOfRangeException(nameof(key), key, "A fragment's row key is between 1 and 2^36.");
        if (IsFull)
            throw new InvalidOperationException($"The table of loaded ids holds its most, {Most:N0}.");
        if ((_count + 1) * 4L > _slots.Length * 3L)
            Grow();
        Insert(_slots, _bits, ((long)Hash(id) << KeyBits) | key);
        _count++;
    }

    /// <summary>Adds to <paramref name="keys"/> the rows that may hold a fragment of <paramref name="id"/>.</summary>
    public void Candidates(string id, List<long> keys)
    {
        var hash = Hash(id);
        var mask = _slots.Length - 1;
        for (var i = (int)(hash >> (HashBits - _bits)); ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0)
                return;
            if ((uint)((ulong)slot >> KeyBits) == hash)
                keys.Add(slot & MostKey);
        }
    }

    /// <summary>The top 28 bits of the id's hash; the table's position is their first bits.</summary>
    private static uint Hash(string id) => (uint)string.GetHashCode(id, StringComparison.Ordinal) >> (32 - HashBits);

    private static void Insert(long[] slots, int bits, long entry)
    {
        var mask = slots.Length - 1;
        var i = (int)((ulong)entry >> (64 - bits));
        while (slots[i] != 0)
            i = (i + 1) & mask;
        slots[i] = entry;
    }

    private void Grow()
    {
        var bits = _bits + 1;
        var slots = new long[1 << bits];
        foreach (var entry in _slots)
        {
            if (entry != 0)
                Insert(slots, bits, entry);
        }

        (_slots, _bits) = (slots, bits);
    }
}
