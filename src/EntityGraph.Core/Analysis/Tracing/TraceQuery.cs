using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>What to trace: a start party, a direction, the hop, time and goods rules, and the limits.</summary>
public sealed record TraceQuery
{
    public required string StartId { get; init; }

    public TraceDirection Direction { get; init; } = TraceDirection.Downstream;

    /// <summary>The most shipments in a chain (at least 1).</summary>
    public int MaxHops { get; init; } = 4;

    /// <summary>Whether each shipment must follow the one it feeds in time (see <see cref="TraceTime"/>).</summary>
    public bool TimeRespecting { get; init; } = true;

    /// <summary>The most days goods may wait at an intermediary before they are sent on.</summary>
    public int MaxDwellDays { get; init; } = 365;

    /// <summary>Conditions every shipment of a chain must meet.</summary>
    public ShipmentFilter Filter { get; init; } = ShipmentFilter.None;

    /// <summary>
    /// Downstream: only parties located in one of these countries count as restricted end users.
    /// Upstream: a route ends at the first party located in one of them. Lower-case ISO alpha-2.
    /// </summary>
    public IReadOnlyCollection<string>? TargetCountries { get; init; }

    /// <summary>The day restrictions are judged on, and recency is measured from.</summary>
    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The most routes to return, best first.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The most shipments to read from the store; the trace reports <c>Truncated</c> when it cuts.</summary>
    public int ShipmentBudget { get; init; } = 100_000;

    /// <summary>The most partial chains to hold at once; a guard against dense graphs.</summary>
    public int ChainBudget { get; init; } = 200_000;

    /// <summary>The longest the search may run; the trace stops between hops and reports <c>Truncated</c> when it is spent.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(5);
}
