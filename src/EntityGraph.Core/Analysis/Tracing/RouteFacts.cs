using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>What a route's score is made of, gathered in one pass over its shipments; the first and last dates as rows (−1 for none).</summary>
internal readonly record struct RouteFacts(int Shipments, double? TotalValueUsd, ChplTier? BestTier, int ListedShipments, int FirstRow, int LastRow)
{
    public static readonly RouteFacts None = new(0, null, null, 0, -1, -1);

    /// <summary>The facts of all the shipments of the hops.</summary>
    public static RouteFacts Of(ArraySegment<int>[] hops, TradeColumns columns)
    {
        var facts = None;
        foreach (var hop in hops)
            facts = facts.With(hop, columns, bound: false);
        return facts;
    }

    public PartialDate? FirstDate(TradeColumns columns) => FirstRow < 0 ? null : columns.Dates[FirstRow];

    public PartialDate? LastDate(TradeColumns columns) => LastRow < 0 ? null : columns.Dates[LastRow];

    /// <summary>
    /// These facts and those of more shipments. As a <paramref name="bound"/>, negative values count as
    /// nothing (why: docs/tracing.md#pruning-by-score-bound).
    /// </summary>
    public RouteFacts With(ArraySegment<int> rows, TradeColumns columns, bool bound)
    {
        var count = Shipments;
        var listed = ListedShipments;
        var total = TotalValueUsd;
        var best = BestTier;
        var first = FirstRow;
        var last = LastRow;
        var earliest = columns.Earliest;
        var latest = columns.Latest;
        foreach (var row in rows)
        {
            count++;
            var value = columns.Values[row];
            if (!double.IsNaN(value))
                total = (total ?? 0) + (bound ? Math.Max(0, value) : value);
            if (columns.Tiers[row] >= 0)
            {
                var tier = (ChplTier)columns.Tiers[row];
                listed++;
                if (best is not { } b || tier < b)
                    best = tier;
            }

            if (earliest[row] != TradeColumns.Undated)
            {
                // PartialDate order: the earlier first day, then the coarser date (the later last day).
                if (first < 0 || earliest[row] < earliest[first] || (earliest[row] == earliest[first] && latest[row] > latest[first]))
                    first = row;
                if (last < 0 || latest[row] > latest[last])
                    last = row;
            }
        }

        return new RouteFacts(count, total, best, listed, first, last);
    }
}
