namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// A Bloom filter over the ids written during a bulk load: "no" is certain, "maybe" needs a look-up.
/// About 1.2 MB answers for a million ids with roughly one false "maybe" in a hundred.
/// </summary>
internal sealed class IdFilter
{
    private readonly ulong[] _bits;
    private readonly int _mask;

    public IdFilter(int bits = 1 << 23)
    {
        if (bits <= 0 || (bits & (bits - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "The size must be a power of two.");
        _bits = new ulong[bits / 64];
        _mask = bits - 1;
    }

    public void Add(string id)
    {
        var (a, b) = Hashes(id);
        for (var i = 0; i < 3; i++)
        {
            var bit = (int)((a + (uint)i * b) & (uint)_mask);
            _bits[bit >> 6] |= 1UL << (bit & 63);
        }
    }

    public bool MayContain(string id)
    {
        var (a, b) = Hashes(id);
        for (var i = 0; i < 3; i++)
        {
            var bit = (int)((a + (uint)i * b) & (uint)_mask);
            if ((_bits[bit >> 6] & (1UL << (bit & 63))) == 0)
                return false;
        }

        return true;
    }

    private static (uint A, uint B) Hashes(string id)
    {
        var hash = (ulong)string.GetHashCode(id, StringComparison.Ordinal) * 0x9E3779B97F4A7C15UL;
        return ((uint)(hash >> 32), (uint)hash | 1);
    }
}
