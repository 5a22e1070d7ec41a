namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>The routes of a trace, best first.</summary>
/// <param name="Routes">At most the query's limit, best first.</param>
/// <param name="TotalRoutes">How many routes were found before the limit.</param>
/// <param name="Truncated">True when the route limit or a budget cut the search.</param>
/// <param name="ExploredShipments">How many shipments were read from the store.</param>
public sealed record TraceResult(IReadOnlyList<TraceRoute> Routes, int TotalRoutes, bool Truncated, int ExploredShipments);
