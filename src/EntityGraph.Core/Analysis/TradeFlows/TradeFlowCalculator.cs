using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.TradeFlows;

/// <summary>
/// Trade flows over the store's aggregation: the store sums shipments per calendar year or month and
/// group; this folds months into quarters, reads the period before each row for the change, keeps
/// shipments that fit no period out of the rows (and counts them), orders and limits the rows.
/// </summary>
public sealed class TradeFlowCalculator(IGraphStore store)
{
    /// <summary>Answers a trade-flow question with one aggregation in the store.</summary>
    public async Task<TradeFlowResult> CalculateAsync(TradeFlowRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.MaxRows, nameof(request.MaxRows));
        var kind = request.Period;
        var first = request.Filter.From is { } from ? TradeFlowPeriod.Containing(kind, from) : (TradeFlowPeriod?)null;
        var last = request.Filter.To is { } to ? TradeFlowPeriod.Containing(kind, to) : (TradeFlowPeriod?)null;
        // Whole periods: from the start of the period before the first one (for its change) to the end of the last.
        var filter = request.Filter with { From = first?.Previous.First, To = last?.Last };
        var query = new TradeFlowQuery(filter, request.GroupBy, kind != TradePeriod.Year, request.SenderCountries, request.ReceiverCountries, request.ChplOnly);
        var buckets = await store.AggregateShipmentsAsync(query, cancellationToken);

        var windowStart = first?.First ?? DateOnly.MinValue;
        var cells = new Dictionary<(TradeFlowPeriod, TradeFlowGroup), Sums>();
        var total = default(Sums);
        var undated = 0L;
        var imprecise = default(Sums);
        foreach (var bucket in buckets)
        {
            var sums = new Sums(bucket.Shipments, bucket.ValueUsd, bucket.ValuedShipments);
            if (bucket.Year is not { } year)
            {
                undated += bucket.Shipments;
                total += sums;
                continue;
            }

            if (kind != TradePeriod.Year && bucket.Month is null)
            {
                // Dated to the year only: it belongs to the window when its year reaches into it.
                if (new DateOnly(year, 12, 31) >= windowStart)
                {
                    imprecise += sums;
                    total += sums;
                }

                continue;
            }

            var period = kind == TradePeriod.Year ? new TradeFlowPeriod(kind, year, 0) : TradeFlowPeriod.OfMonth(kind, year, bucket.Month!.Value);
            var key = (period, new TradeFlowGroup(bucket.SenderCountry, bucket.ReceiverCountry, bucket.Hs6, bucket.Hs4, bucket.ChplTier));
            cells[key] = cells.GetValueOrDefault(key) + sums;
            if (period.First >= windowStart)
                total += sums;
        }

        var rows = new List<TradeFlowRow>();
        foreach (var ((period, group), sums) in cells)
        {
            if (period.First < windowStart)
                continue;
            Sums? previous = cells.TryGetValue((period.Previous, group), out var p) ? p : null;
            rows.Add(new TradeFlowRow(period, group, sums.Shipments, sums.ValueUsd, sums.Shipments - sums.Valued, previous?.Shipments, previous?.ValueUsd));
        }

        rows.Sort(CompareRows);
        var truncated = rows.Count > request.MaxRows;
        if (truncated)
            rows.RemoveRange(request.MaxRows, rows.Count - request.MaxRows);
        return new TradeFlowResult(rows, truncated, total.Shipments, total.ValueUsd, total.Shipments - total.Valued, undated, imprecise.Shipments, imprecise.ValueUsd);
    }

    private static int CompareRows(TradeFlowRow a, TradeFlowRow b)
    {
        var order = a.Period.CompareTo(b.Period);
        if (order == 0)
            order = b.ValueUsd.CompareTo(a.ValueUsd);
        if (order == 0)
            order = b.Shipments.CompareTo(a.Shipments);
        if (order == 0)
            order = CompareText(a.Group.SenderCountry, b.Group.SenderCountry);
        if (order == 0)
            order = CompareText(a.Group.ReceiverCountry, b.Group.ReceiverCountry);
        if (order == 0)
            order = CompareText(a.Group.Hs6, b.Group.Hs6);
        if (order == 0)
            order = CompareText(a.Group.Hs4, b.Group.Hs4);
        if (order == 0)
            order = Nullable.Compare(a.Group.ChplTier, b.Group.ChplTier);
        return order;
    }

    private static int CompareText(string? a, string? b) => string.CompareOrdinal(a, b);

    private readonly record struct Sums(long Shipments, double ValueUsd, long Valued)
    {
        public static Sums operator +(Sums a, Sums b) => new(a.Shipments + b.Shipments, a.ValueUsd + b.ValueUsd, a.Valued + b.Valued);
    }
}
