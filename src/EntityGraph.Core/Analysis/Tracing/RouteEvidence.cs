namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>What a route is scored on.</summary>
/// <param name="Parties">The route's parties by number, the start first.</param>
/// <param name="EndUser">Downstream the last party; upstream the start.</param>
/// <param name="Restriction">Why the end user is restricted, if it is.</param>
/// <param name="Shipments">What the route's shipments add up to (or, for a bound, every shipment its search reached).</param>
internal readonly record struct RouteEvidence(int[] Parties, int EndUser, Restriction? Restriction, RouteFacts Shipments);
