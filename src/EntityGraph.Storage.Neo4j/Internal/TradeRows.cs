using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.QueryApi;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>Reads trades from the rows of <c>expand-trades-*</c> and <c>stream-trades</c>.</summary>
internal static class TradeRows
{
    public static List<Trade> Read(QueryResult result)
    {
        var f = result.Fields.ToList();
        int id = f.IndexOf("id"), sender = f.IndexOf("senderId"), receiver = f.IndexOf("receiverId"), date = f.IndexOf("date"),
            value = f.IndexOf("valueUsd"), tier = f.IndexOf("chplTier"), hs = f.IndexOf("hsCode");
        return result.Values.Select(r => new Trade(
            Values.RequiredText(r[id], "id"),
            Values.Text(r[sender]),
            Values.Text(r[receiver]),
            Values.Text(r[date]) is { } d ? PartialDate.Parse(d) : null,
            Values.Number(r[value]),
            Values.Tier(r[tier]),
            HsCode.Normalize(Values.Text(r[hs])))).ToList();
    }
}
