using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>
/// The JSON kept on entity nodes: <c>entity</c>, the merged entity as an FtM JSON line (<c>id</c>,
/// <c>schema</c>, <c>properties</c>, <c>datasets</c>, <c>first_seen</c>, <c>last_seen</c>, as the FtM and
/// neo4j-csv exports write it), and <c>fragments</c>, an array of such lines, one per dataset, each with the
/// <c>run_id</c> that wrote it when known. They give entities back exactly; the typed node properties are
/// copies for Cypher and indexes.
/// </summary>
internal static class EntityDocuments
{
    // Names stay readable (Cyrillic, quotes) for anyone looking at the nodes in Neo4j Browser.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcTimestamp() },
    };

    public static string Entity(FtmEntity entity) => JsonSerializer.Serialize(ToDocument(entity, runId: null), Options);

    public static FtmEntity ReadEntity(string json)
    {
        var document = JsonSerializer.Deserialize<Document>(json, Options) ?? throw new JsonException("An entity node holds no entity.");
        return FromDocument(document, document.Datasets ?? []);
    }

    /// <summary>The fragments to keep, in dataset order, each with the run that wrote it.</summary>
    public static string Fragments(IEnumerable<(FtmEntity Fragment, string RunId)> fragments) =>
        JsonSerializer.Serialize(fragments.Select(f => ToDocument(f.Fragment, f.RunId)).ToList(), Options);

    public static List<StoredFragment> ReadFragments(string json)
    {
        var documents = JsonSerializer.Deserialize<List<Document>>(json, Options) ?? [];
        return documents.Select(d => new StoredFragment(FromDocument(d, d.Datasets ?? []), d.RunId ?? string.Empty)).ToList();
    }

    private static Document ToDocument(FtmEntity entity, string? runId) => new(
        entity.Id,
        entity.Schema,
        entity.Properties.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
        [.. entity.Datasets],
        entity.FirstSeen,
        entity.LastSeen,
        runId);

    private static FtmEntity FromDocument(Document document, string[] datasets) =>
        new(document.Id, document.Schema, document.Properties.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal))
        {
            Datasets = datasets,
            FirstSeen = document.FirstSeen,
            LastSeen = document.LastSeen,
        };

    private sealed record Document(
        string Id,
        string Schema,
        Dictionary<string, string[]> Properties,
        string[]? Datasets,
        [property: JsonPropertyName("first_seen")] DateTimeOffset? FirstSeen,
        [property: JsonPropertyName("last_seen")] DateTimeOffset? LastSeen,
        [property: JsonPropertyName("run_id")] string? RunId);

    /// <summary>FtM timestamps carry no offset and are UTC (<c>2024-03-04T09:00:00</c>); the store writes them in full, in UTC.</summary>
    private sealed class UtcTimestamp : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString() ?? string.Empty, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }
}
