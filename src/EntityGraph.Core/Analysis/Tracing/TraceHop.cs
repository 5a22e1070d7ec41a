using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>One step of a route, following the goods: <paramref name="FromId"/> sent, <paramref name="ToId"/> received.</summary>
/// <param name="FromId">The sender.</param>
/// <param name="ToId">The receiver.</param>
/// <param name="Shipments">The shipments on this step that take part in at least one valid chain, by date then id.</param>
/// <param name="ValueUsd">Their summed value, or null when none has a value.</param>
public sealed record TraceHop(string FromId, string ToId, IReadOnlyList<Shipment> Shipments, double? ValueUsd);
