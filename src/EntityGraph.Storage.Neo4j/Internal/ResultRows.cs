using EntityGraph.Core.FollowTheMoney;
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

/// <summary>
/// Reads the rows of <c>expand-links-*</c>. A link read from a reference property (an address, a sanction,
/// a shipment role) is built from its relationship, which holds all it has; a link read from an interval
/// entity is left for the caller to project from the entity, which holds its values.
/// </summary>
internal static class LinkRows
{
    private static readonly Dictionary<string, LinkKind> Kinds =
        Enum.GetValues<LinkKind>().ToDictionary(GraphModel.RelationshipType, k => k, StringComparer.Ordinal);

    public static List<(string Id, string Entity, Link? Link)> Read(QueryResult result)
    {
        var f = result.Fields.ToList();
        int id = f.IndexOf("id"), entity = f.IndexOf("entity"), type = f.IndexOf("type"), source = f.IndexOf("source"), target = f.IndexOf("target"),
            schema = f.IndexOf("schema"), datasets = f.IndexOf("datasets"), first = f.IndexOf("firstSeen"), last = f.IndexOf("lastSeen");
        var rows = new List<(string, string, Link?)>(result.Values.Count);
        foreach (var r in result.Values)
        {
            var linkId = Values.RequiredText(r[id], "id");
            var entityId = Values.RequiredText(r[entity], "entity");
            var linkSchema = Values.RequiredText(r[schema], "schema");
            Link? link = null;
            if (FtmProjector.LinkKindOf(linkSchema) is null)
            {
                var kind = Values.RequiredText(r[type], "type");
                link = new Link
                {
                    Id = linkId,
                    Kind = Kinds.TryGetValue(kind, out var k) ? k : throw new InvalidOperationException($"'{kind}' is not a relationship type of the model."),
                    SourceId = Values.RequiredText(r[source], "source"),
                    TargetId = Values.RequiredText(r[target], "target"),
                    Schema = linkSchema,
                    Provenance = new Provenance(Values.Texts(r[datasets]), entityId, Values.Time(r[first]), Values.Time(r[last])),
                };
            }

            rows.Add((linkId, entityId, link));
        }

        return rows;
    }
}
