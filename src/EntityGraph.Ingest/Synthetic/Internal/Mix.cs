namespace EntityGraph.Ingest.Synthetic.Internal;

/// <summary>
/// Stateless pseudo-randomness (SplitMix64 of seed, stream and index): the attributes of party i
/// can be recomputed wherever a shipment or stake needs them, so nothing is kept per party.
/// </summary>
internal readonly struct Mix(int seed)
{
    private readonly ulong _seed = (ulong)seed * 0x9E3779B97F4A7C15UL;

    public ulong Hash(ulong stream, long index)
    {
        var z = _seed ^ (stream * 0xBF58476D1CE4E5B9UL) ^ ((ulong)index * 0x94D049BB133111EBUL);
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1).</summary>
    public double Unit(ulong stream, long index) => (Hash(stream, index) >> 11) * (1.0 / (1UL << 53));

    public int Below(ulong stream, long index, int bound) => (int)(Unit(stream, index) * bound);
}
