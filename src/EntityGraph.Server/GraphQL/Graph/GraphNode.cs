using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>A node of a drawn subgraph.</summary>
public sealed record GraphNode(string Id, string Kind, string Label, IReadOnlyDictionary<string, IReadOnlyList<string>> Properties, IReadOnlyList<string> Datasets)
{
    private static readonly string[] FallbackCaptions = ["name", "full", "goodsDescription", "caption"];

    /// <summary>The node for an id: drawn from its entity when the store holds one, as <c>Unknown</c> otherwise.</summary>
    public static GraphNode Of(string id, IReadOnlyDictionary<string, FtmEntity> entities) =>
        entities.TryGetValue(id, out var entity) ? From(entity) : Unknown(id);

    /// <summary>The node for an entity, labelled by its schema's caption properties.</summary>
    public static GraphNode From(FtmEntity entity)
    {
        var captions = FtmSchemaCatalog.Default.Find(entity.Schema)?.Caption ?? [];
        var label = captions.Concat(FallbackCaptions).Select(entity.First).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? entity.Id;
        return new GraphNode(entity.Id, entity.Schema, label, entity.Properties, entity.Datasets);
    }

    /// <summary>A node the store does not hold, e.g. the far end of a link to an entity never imported.</summary>
    public static GraphNode Unknown(string id) =>
        new(id, "Unknown", id, new Dictionary<string, IReadOnlyList<string>>(), []);
}
