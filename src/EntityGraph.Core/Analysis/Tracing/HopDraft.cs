using EntityGraph.Core.Indexing;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>One hop of a route found, with the rows of its shipments until the route is returned.</summary>
internal sealed record HopDraft(string FromId, string ToId, ArraySegment<int> Rows, double? ValueUsd)
{
    public IEnumerable<string> ShipmentIds(TradeColumns columns) => Rows.Select(row => columns.Ids[row]);
}
