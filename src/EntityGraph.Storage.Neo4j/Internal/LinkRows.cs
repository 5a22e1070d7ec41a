using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Storage.Neo4j.QueryApi;

namespace EntityGraph.Storage.Neo4j.Internal;

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
