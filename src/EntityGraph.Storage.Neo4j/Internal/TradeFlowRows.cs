using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.QueryApi;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>Reads trade-flow buckets from the rows of <c>aggregate-shipments</c>.</summary>
internal static class TradeFlowRows
{
    public static List<TradeFlowBucket> Read(QueryResult result)
    {
        var f = result.Fields.ToList();
        return result.Values.Select(r => new TradeFlowBucket(
            r[f.IndexOf("year")] is { } year ? (int)Values.Integer(year) : null,
            r[f.IndexOf("month")] is { } month ? (int)Values.Integer(month) : null,
            Values.Text(r[f.IndexOf("senderCountry")]),
            Values.Text(r[f.IndexOf("receiverCountry")]),
            Values.Text(r[f.IndexOf("hs6")]),
            Values.Text(r[f.IndexOf("hs4")]),
            Values.Tier(r[f.IndexOf("chplTier")]),
            Values.Integer(r[f.IndexOf("shipments")]),
            Values.Number(r[f.IndexOf("valueUsd")]) ?? 0,
            Values.Integer(r[f.IndexOf("valuedShipments")]))).ToList();
    }
}
