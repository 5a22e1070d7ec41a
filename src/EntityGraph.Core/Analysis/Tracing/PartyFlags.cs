using System.Buffers;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// A few yes-or-no facts per party number for one trace (judged, read, seen in this hop), in one pooled
/// byte array: a trace through a hub asks them of a hundred thousand parties, where hash sets would
/// hash and grow.
/// </summary>
internal sealed class PartyFlags(int capacity) : IDisposable
{
    public const byte Judged = 1;
    public const byte Read = 2;
    public const byte Seen = 4;

    private byte[] _flags = Rented(capacity);

    /// <summary>Sets the flag; false when it was set already.</summary>
    public bool Set(int party, byte flag)
    {
        if (party >= _flags.Length)
            Grow(party + 1);
        if ((_flags[party] & flag) != 0)
            return false;
        _flags[party] |= flag;
        return true;
    }

    public void Clear(int party, byte flag)
    {
        if (party < _flags.Length)
            _flags[party] &= (byte)~flag;
    }

    /// <summary>The parties once each, in their first order, using and then clearing <see cref="Seen"/>.</summary>
    public List<int> Distinct(IEnumerable<int> parties)
    {
        var distinct = new List<int>();
        foreach (var party in parties)
        {
            if (Set(party, Seen))
                distinct.Add(party);
        }

        foreach (var party in distinct)
            Clear(party, Seen);
        return distinct;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_flags);
        _flags = [];
    }

    private void Grow(int needed)
    {
        var bigger = Rented(Math.Max(needed, _flags.Length * 2));
        _flags.CopyTo(bigger, 0);
        ArrayPool<byte>.Shared.Return(_flags);
        _flags = bigger;
    }

    private static byte[] Rented(int capacity)
    {
        var array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
        Array.Clear(array);
        return array;
    }
}
