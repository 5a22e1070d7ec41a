namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// A Bloom filter over the ids written during a bulk load: "no" is certain, "maybe" needs a look-up. It grows with
/// the load: each layer takes ids until it holds one per twelve bits, and then a layer twice its size takes the
/// next ones. A full layer answers a false "maybe" for about one id in 150, so five million ids (four layers,
/// 15 MB) send about one new id in fifty to a look-up, where one fixed layer would have sent more than half.
/// </summary>
internal sealed class IdFilter
{
    private const int BitsPerId = 12;
    private const int MostBits = 1 << 30;
    private const uint Probes = 4;
    private readonly List<Layer> _layers = [];

    public IdFilter(int bits = 1 << 23)
    {
        if (bits < 64 || (bits & (bits - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "The size must be a power of two of at least 64.");
        _layers.Add(new Layer(bits));
    }

    public void Add(string id)
    {
        var (a, b) = Hashes(id);
        var layer = _layers[^1];
        if (layer.Count >= layer.Capacity)
            _layers.Add(layer = new Layer(Math.Min(layer.Bits, MostBits / 2) * 2));
        layer.Add(a, b);
    }

    public bool MayContain(string id)
    {
        var (a, b) = Hashes(id);
        foreach (var layer in _layers)
        {
            if (layer.MayContain(a, b))
                return true;
        }

        return false;
    }

    private static (uint A, uint B) Hashes(string id)
    {
        var hash = (ulong)string.GetHashCode(id, StringComparison.Ordinal) * 0x9E3779B97F4A7C15UL;
        return ((uint)(hash >> 32), (uint)hash | 1);
    }

    private sealed class Layer(int bits)
    {
        private readonly ulong[] _words = new ulong[bits / 64];
        private readonly uint _mask = (uint)bits - 1;

        public int Bits => bits;

        public int Capacity => bits / BitsPerId;

        public int Count { get; private set; }

        public void Add(uint a, uint b)
        {
            for (var i = 0u; i < Probes; i++)
            {
                var bit = (a + i * b) & _mask;
                _words[bit >> 6] |= 1UL << (int)(bit & 63);
            }

            Count++;
        }

        public bool MayContain(uint a, uint b)
        {
            for (var i = 0u; i < Probes; i++)
            {
                var bit = (a + i * b) & _mask;
                if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
                    return false;
            }

            return true;
        }
    }
}
