using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// A route found and scored, before its shipments are read in full and its reasons written; as
/// <see cref="TraceRoute"/>, with <paramref name="Evidence"/>, what it was scored on, in place of the reasons.
/// </summary>
internal sealed record RouteDraft(
    IReadOnlyList<string> PartyIds,
    IReadOnlyList<HopDraft> Hops,
    string EndUserId,
    Restriction? Restriction,
    double? TotalValueUsd,
    PartialDate? FirstDate,
    PartialDate? LastDate,
    double Score,
    RouteEvidence Evidence)
{
    public TraceRoute Complete(IReadOnlyDictionary<string, Shipment> shipments, TradeColumns columns, RouteScorer scorer) => new(
        PartyIds,
        [.. Hops.Select(h =>
        {
            var list = h.ShipmentIds(columns).Select(id => shipments[id]).OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            return new TraceHop(h.FromId, h.ToId, list, h.ValueUsd);
        })],
        EndUserId,
        Restriction,
        TotalValueUsd,
        FirstDate,
        LastDate,
        Score,
        scorer.Reasons(Evidence));
}
