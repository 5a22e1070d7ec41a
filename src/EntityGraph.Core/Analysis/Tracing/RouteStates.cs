using System.Buffers;
using EntityGraph.Core.Indexing;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// The partial routes of one trace, numbered in the order they were found, each a link back to the one
/// it extends and the rows of its last hop's shipments that a valid sequence from the start reaches.
/// </summary>
/// <remarks>Why prefixes are shared and arrays pooled: docs/tracing.md#partial-routes-share-their-prefixes.</remarks>
internal sealed class RouteStates : IDisposable
{
    private int[] _previous = ArrayPool<int>.Shared.Rent(256);
    private int[] _party = ArrayPool<int>.Shared.Rent(256);
    private int[] _length = ArrayPool<int>.Shared.Rent(256);
    private ArraySegment<int>[] _arrivals = ArrayPool<ArraySegment<int>>.Shared.Rent(256);
    private RouteFacts[] _reached = ArrayPool<RouteFacts>.Shared.Rent(256);
    private bool[] _known = ArrayPool<bool>.Shared.Rent(256);
    private int _count;
    private int _capacity = 256;

    /// <summary>A route one hop longer than <paramref name="previous"/> (−1 for the start alone), to <paramref name="party"/>.</summary>
    public int Add(int previous, int party, ArraySegment<int> arrivals)
    {
        if (_count == _capacity)
            Grow();
        _previous[_count] = previous;
        _party[_count] = party;
        _length[_count] = previous < 0 ? 0 : _length[previous] + 1;
        _arrivals[_count] = arrivals;
        _known[_count] = false;
        return _count++;
    }

    public int Previous(int state) => _previous[state];

    public int Party(int state) => _party[state];

    /// <summary>The number of hops.</summary>
    public int Length(int state) => _length[state];

    public ArraySegment<int> Arrivals(int state) => _arrivals[state];

    /// <summary>Puts the route's parties, the start first, in the first <see cref="Length"/> + 1 places of <paramref name="into"/>.</summary>
    public void CopyParties(int state, int[] into)
    {
        for (var s = state; s >= 0; s = _previous[s])
            into[_length[s]] = _party[s];
    }

    /// <summary>The parties of the route so far, the last first.</summary>
    public IEnumerable<int> Parties(int state)
    {
        for (var s = state; s >= 0; s = _previous[s])
            yield return _party[s];
    }

    /// <summary>
    /// The facts, as a bound, of every shipment the search reached on the route up to here, ending with
    /// <paramref name="ends"/> instead of this hop's arrivals; kept for each state, so routes sharing a prefix sum it once.
    /// </summary>
    public RouteFacts BoundFacts(int state, ArraySegment<int> ends, TradeColumns columns) =>
        (_previous[state] < 0 ? RouteFacts.None : Reached(_previous[state], columns)).With(ends, columns, bound: true);

    private RouteFacts Reached(int state, TradeColumns columns)
    {
        if (!_known[state])
        {
            _reached[state] = (_previous[state] < 0 ? RouteFacts.None : Reached(_previous[state], columns)).With(_arrivals[state], columns, bound: true);
            _known[state] = true;
        }

        return _reached[state];
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_previous);
        ArrayPool<int>.Shared.Return(_party);
        ArrayPool<int>.Shared.Return(_length);
        ArrayPool<ArraySegment<int>>.Shared.Return(_arrivals, clearArray: true);
        ArrayPool<RouteFacts>.Shared.Return(_reached);
        ArrayPool<bool>.Shared.Return(_known);
        _previous = _party = _length = [];
        _arrivals = [];
        _reached = [];
        _known = [];
        _count = 0;
    }

    private void Grow()
    {
        _capacity *= 2;
        _previous = Grown(_previous, _count, _capacity, clear: false);
        _party = Grown(_party, _count, _capacity, clear: false);
        _length = Grown(_length, _count, _capacity, clear: false);
        _arrivals = Grown(_arrivals, _count, _capacity, clear: true);
        _reached = Grown(_reached, _count, _capacity, clear: false);
        _known = Grown(_known, _count, _capacity, clear: false);
    }

    private static T[] Grown<T>(T[] array, int count, int capacity, bool clear)
    {
        var bigger = ArrayPool<T>.Shared.Rent(capacity);
        array.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array, clear);
        return bigger;
    }
}
