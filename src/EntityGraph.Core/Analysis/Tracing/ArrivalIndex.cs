using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>Answers "may some arrival precede (or follow) this shipment" for the arrivals of one partial route.</summary>
/// <remarks>How, in logarithmic time: docs/tracing.md#the-arrival-index.</remarks>
internal readonly struct ArrivalIndex
{
    private const int Scanned = 8;

    private readonly TradeColumns _columns;
    private readonly ArraySegment<int> _rows;
    private readonly int[]? _earliest;
    private readonly int[]? _maxLatest;

    public ArrivalIndex(ArraySegment<int> arrivals, TradeColumns columns)
    {
        _columns = columns;
        _rows = arrivals;
        if (arrivals.Count <= Scanned)
            return;
        var count = 0;
        foreach (var row in arrivals)
        {
            if (columns.Earliest[row] != TradeColumns.Undated)
                count++;
        }

        _earliest = new int[count];
        _maxLatest = new int[count];
        var n = 0;
        foreach (var row in arrivals)
        {
            if (columns.Earliest[row] != TradeColumns.Undated)
            {
                _earliest[n] = columns.Earliest[row];
                _maxLatest[n++] = columns.Latest[row];
            }
        }

        // Sorted by earliest day, each with the latest day of its own; then the running maximum of those.
        Array.Sort(_earliest, _maxLatest);
        for (var i = 1; i < count; i++)
            _maxLatest[i] = Math.Max(_maxLatest[i], _maxLatest[i - 1]);
    }

    /// <summary>Whether the shipment in <paramref name="later"/> may follow some arrival (<see cref="TraceTime.MayFollow(PartialDate?, PartialDate?, int)"/>).</summary>
    public bool AnyMayPrecede(int later, int maxDwellDays) =>
        _columns.Earliest[later] != TradeColumns.Undated && Exists(_columns.Latest[later], (long)_columns.Earliest[later] - maxDwellDays);

    /// <summary>Whether the shipment in <paramref name="earlier"/> may be followed by some arrival.</summary>
    public bool AnyMayFollow(int earlier, int maxDwellDays) =>
        _columns.Earliest[earlier] != TradeColumns.Undated && Exists((long)_columns.Latest[earlier] + maxDwellDays, _columns.Earliest[earlier]);

    /// <summary>Whether a dated arrival starts on or before <paramref name="maxEarliest"/> and ends on or after <paramref name="minLatest"/>.</summary>
    private bool Exists(long maxEarliest, long minLatest)
    {
        if (_earliest is null)
        {
            foreach (var row in _rows)
            {
                if (_columns.Earliest[row] != TradeColumns.Undated && _columns.Earliest[row] <= maxEarliest && _columns.Latest[row] >= minLatest)
                    return true;
            }

            return false;
        }

        int lo = 0, hi = _earliest.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_earliest[mid] <= maxEarliest)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo > 0 && _maxLatest![lo - 1] >= minLatest;
    }
}
