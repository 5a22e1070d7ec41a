using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>
/// The FollowTheMoney schema catalogue: every FtM schema with its properties, required properties,
/// edge source/target and caption, inheritance resolved once at load.
/// </summary>
/// <remarks>
/// The document (<c>ftm-schemata.json</c>) lists, per schema, only its own properties; entity-typed
/// properties carry a <c>range</c>, and reverse stubs (properties FtM adds to a schema because another
/// schema declares a <c>reverse</c>) are marked <c>"reverse": true</c>.
/// </remarks>
public sealed class FtmSchemaCatalog
{
    /// <summary>The logical name of the embedded catalogue resource.</summary>
    public const string ResourceName = "ftm-schemata.json";

    private static readonly Lazy<FtmSchemaCatalog> DefaultCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, FtmSchema> _byName;

    private FtmSchemaCatalog(IReadOnlyList<FtmSchema> schemata)
    {
        _byName = schemata.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        All = schemata;
    }

    /// <summary>The catalogue embedded in this assembly, loaded on first use.</summary>
    public static FtmSchemaCatalog Default => DefaultCatalog.Value;

    /// <summary>Every schema, ordered by name.</summary>
    public IReadOnlyCollection<FtmSchema> All { get; }

    /// <summary>Finds a schema by its exact, case-sensitive name (<c>Company</c>); null when there is none.</summary>
    /// <param name="name">The schema name.</param>
    public FtmSchema? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Finds a schema by its exact, case-sensitive name.</summary>
    /// <param name="name">The schema name.</param>
    /// <param name="schema">The schema, when found.</param>
    /// <returns>True when the catalogue has a schema of that name.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out FtmSchema? schema) => _byName.TryGetValue(name, out schema);

    /// <summary>
    /// Reads a catalogue document and resolves inheritance. Throws <see cref="InvalidDataException"/> when the
    /// document is inconsistent: a duplicate schema, an unknown parent or range, an inheritance cycle, or a
    /// required or edge property the schema does not have.
    /// </summary>
    /// <param name="json">A UTF-8 JSON stream in the <c>ftm-schemata.json</c> format; it is not disposed.</param>
    public static FtmSchemaCatalog Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The FtM schema catalogue is not valid JSON.", ex);
        }

        using (document)
        {
            var declared = ReadSchemata(document.RootElement);
            return Resolve(declared);
        }
    }

    private static FtmSchemaCatalog LoadEmbedded()
    {
        using var stream = typeof(FtmSchemaCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The FtM schema catalogue '{ResourceName}' is not embedded in {typeof(FtmSchemaCatalog).Assembly.GetName().Name}.");
        return Load(stream);
    }

    private static Dictionary<string, FtmSchema> ReadSchemata(JsonElement root)
    {
        var list = root.ValueKind switch
        {
            JsonValueKind.Object when root.TryGetProperty("schemata", out var s) && s.ValueKind == JsonValueKind.Array => s,
            JsonValueKind.Array => root,
            _ => throw new InvalidDataException("The FtM schema catalogue must be an object with a 'schemata' array."),
        };

        var schemata = new Dictionary<string, FtmSchema>(StringComparer.Ordinal);
        foreach (var element in list.EnumerateArray())
        {
            var name = RequireString(element, "name", "schema");
            var properties = new Dictionary<string, FtmProperty>(StringComparer.Ordinal);
            if (element.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            {
                foreach (var prop in props.EnumerateObject())
                {
                    var type = OptionalString(prop.Value, "type") ?? "string";
                    var range = OptionalString(prop.Value, "range");
                    var isReverse = prop.Value.TryGetProperty("reverse", out var rev) && rev.ValueKind == JsonValueKind.True;
                    if ((type == FtmProperty.EntityType) != (range is not null))
                        throw new InvalidDataException($"FtM property {name}:{prop.Name} must have a range exactly when its type is 'entity'.");
                    if (!properties.TryAdd(prop.Name, new FtmProperty(prop.Name, type, range, isReverse, name)))
                        throw new InvalidDataException($"FtM property {name}:{prop.Name} is declared twice.");
                }
            }

            string? edgeSource = null, edgeTarget = null;
            if (element.TryGetProperty("edge", out var edge) && edge.ValueKind == JsonValueKind.Object)
            {
                edgeSource = RequireString(edge, "source", $"edge of {name}");
                edgeTarget = RequireString(edge, "target", $"edge of {name}");
            }

            var schema = new FtmSchema(
                name,
                element.TryGetProperty("abstract", out var abs) && abs.ValueKind == JsonValueKind.True,
                StringList(element, "extends"),
                StringList(element, "required"),
                edgeSource,
                edgeTarget,
                StringList(element, "caption"),
                properties.ToFrozenDictionary(StringComparer.Ordinal));
            if (!schemata.TryAdd(name, schema))
                throw new InvalidDataException($"FtM schema '{name}' is declared twice.");
        }

        return schemata;
    }

    private static FtmSchemaCatalog Resolve(Dictionary<string, FtmSchema> schemata)
    {
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        var inProgress = new HashSet<string>(StringComparer.Ordinal);

        void ResolveOne(FtmSchema schema)
        {
            if (resolved.Contains(schema.Name))
                return;
            if (!inProgress.Add(schema.Name))
                throw new InvalidDataException($"FtM schema '{schema.Name}' inherits from itself.");
            var parents = new List<FtmSchema>(schema.Extends.Count);
            foreach (var parentName in schema.Extends)
            {
                if (!schemata.TryGetValue(parentName, out var parent))
                    throw new InvalidDataException($"FtM schema '{schema.Name}' extends unknown schema '{parentName}'.");
                ResolveOne(parent);
                parents.Add(parent);
            }

            schema.Resolve(parents);
            inProgress.Remove(schema.Name);
            resolved.Add(schema.Name);
        }

        foreach (var schema in schemata.Values)
            ResolveOne(schema);

        foreach (var schema in schemata.Values)
        {
            foreach (var property in schema.OwnProperties.Values)
            {
                if (property.Range is { } range && !schemata.ContainsKey(range))
                    throw new InvalidDataException($"FtM property {schema.Name}:{property.Name} has unknown range '{range}'.");
            }

            foreach (var required in schema.Required)
            {
                if (!schema.Properties.ContainsKey(required))
                    throw new InvalidDataException($"FtM schema '{schema.Name}' requires unknown property '{required}'.");
            }

            foreach (var end in new[] { schema.EdgeSource, schema.EdgeTarget })
            {
                if (end is not null && schema.GetProperty(end) is not { IsEntity: true })
                    throw new InvalidDataException($"FtM schema '{schema.Name}' has edge property '{end}' that is not an entity property.");
            }
        }

        var ordered = schemata.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        return new FtmSchemaCatalog(Array.AsReadOnly(ordered));
    }

    private static string RequireString(JsonElement element, string key, string what) =>
        OptionalString(element, key) ?? throw new InvalidDataException($"An FtM {what} entry lacks a string '{key}'.");

    private static string? OptionalString(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IReadOnlyList<string> StringList(JsonElement element, string key)
    {
        if (!element.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.Array)
            return [];
        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text)
                items.Add(text);
        }

        return items.AsReadOnly();
    }
}
