using EntityGraph.Core.FollowTheMoney;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EntityGraph.Ingest.Mapping.Internal;

/// <summary>Reads the parts of a mapping file into checked <see cref="QueryMapping"/>s, failing at the first mistake with its line.</summary>
internal sealed class MappingReader(string file, string folder, FtmSchemaCatalog catalog)
{
    private static readonly string[] QuerySettings = ["csv_url", "csv_urls", "sheet", "filters", "filters_not", "entities"];
    private static readonly string[] EntitySettings = ["schema", "key", "keys", "key_literal", "id_column", "properties"];

    private readonly YamlNodes _yaml = new(file);

    public IReadOnlyList<DatasetMapping> Read(TextReader text)
    {
        var root = Parse(text);
        var datasets = new List<DatasetMapping>();
        foreach (var (name, keyNode, value) in _yaml.Mapping(root, "the mapping file"))
        {
            var entries = _yaml.Mapping(value, $"dataset '{name}'");
            var queries = entries.Where(e => e.Key is "queries" or "query").ToList();
            if (queries.Count == 0)
                throw _yaml.Error(keyNode, $"dataset '{name}' has no 'queries' (or 'query'); each query names its csv_url and its entities");
            var list = new List<QueryMapping>();
            foreach (var (_, _, node) in queries)
            {
                var nodes = node is YamlSequenceNode sequence ? sequence.Children : [node];
                list.AddRange(nodes.Select(ReadQuery));
            }

            datasets.Add(new DatasetMapping(name, list));
        }

        return datasets;
    }

    private YamlNode Parse(TextReader text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException ex)
        {
            throw new MappingException(file, ex.Start.Line, $"not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count > 1)
            throw new MappingException(file, stream.Documents[1].RootNode.Start.Line, "the file holds more than one YAML document (a second '---'); put every dataset in one");
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode { Children.Count: > 0 } root)
            throw new MappingException(file, 0, "the file maps nothing; expected 'dataset_name: {queries: [...]}'");
        return root;
    }

    private QueryMapping ReadQuery(YamlNode node)
    {
        var entries = _yaml.Mapping(node, "a query");
        if (entries.FirstOrDefault(e => e.Key == "database") is { KeyNode: { } database })
            throw _yaml.Error(database, "SQL sources ('database') are not supported; export the query's result to CSV and name it in csv_url");
        _yaml.OnlyKeys(entries, "a query", QuerySettings);
        var sources = entries.Where(e => e.Key is "csv_url" or "csv_urls").SelectMany(e => _yaml.Values(e.Value, e.Key).Select(v => Source(e.Value, v))).ToList();
        if (sources.Count == 0)
            throw _yaml.Error(node, "the query names no table; give csv_url (or csv_urls), a path relative to the mapping file");
        var entitiesNode = entries.FirstOrDefault(e => e.Key == "entities").Value;
        var entities = entitiesNode is null ? [] : ReadEntities(entitiesNode);
        if (entities.Count == 0)
            throw _yaml.Error(node, "the query maps no entities; give 'entities' with at least one");
        return new QueryMapping(node.Start.Line, sources.Distinct().ToList(), Order(entities))
        {
            Sheet = entries.FirstOrDefault(e => e.Key == "sheet").Value is { } sheet ? _yaml.Scalar(sheet, "sheet") : null,
            Filters = Filters(entries, "filters"),
            FiltersNot = Filters(entries, "filters_not"),
        };
    }

    private string Source(YamlNode node, string url)
    {
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw _yaml.Error(node, $"'{url}' is a web address; EntityGraph reads local files only: download it and give its path");
        var path = url;
        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            path = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.LocalPath.Length > 1
                ? uri.LocalPath
                : throw _yaml.Error(node, $"'{url}' is not a file address; give a path, relative to the mapping file or absolute");
        }

        return Path.GetFullPath(Path.Combine(folder, path));
    }

    private List<(string Column, IReadOnlyList<string?> Values)> Filters(IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> entries, string key)
    {
        var node = entries.FirstOrDefault(e => e.Key == key).Value;
        return node is null ? [] : [.. _yaml.Mapping(node, key).Select(f => (f.Key, _yaml.ValuesWithNulls(f.Value, $"{key} of '{f.Key}'")))];
    }

    private List<EntityMapping> ReadEntities(YamlNode node)
    {
        var entities = new List<EntityMapping>();
        var named = _yaml.Mapping(node, "entities");
        var schemaOf = new Dictionary<string, FtmSchema>(StringComparer.Ordinal);
        foreach (var (name, keyNode, value) in named)
            schemaOf[name] = ReadSchema(name, keyNode, value);
        foreach (var (name, keyNode, value) in named)
            entities.Add(ReadEntity(name, keyNode, value, schemaOf));
        return entities;
    }

    private FtmSchema ReadSchema(string name, YamlNode keyNode, YamlNode value)
    {
        var entries = _yaml.Mapping(value, $"entity '{name}'");
        var (_, schemaKey, schemaNode) = entries.FirstOrDefault(e => e.Key == "schema");
        var schemaName = schemaNode is null ? null : _yaml.Scalar(schemaNode, $"the schema of '{name}'");
        if (schemaName is null)
            throw _yaml.Error(keyNode, $"entity '{name}' has no schema; give one such as Company, Person or EconomicActivity");
        if (!catalog.TryGet(schemaName, out var schema))
        {
            var near = catalog.All.FirstOrDefault(s => string.Equals(s.Name, schemaName, StringComparison.OrdinalIgnoreCase));
            throw _yaml.Error(schemaNode!, $"entity '{name}': FtM has no schema '{schemaName}'{(near is null ? "" : $" (did you mean '{near.Name}'?)")}");
        }

        if (schema.Abstract)
            throw _yaml.Error(schemaKey, $"entity '{name}': schema '{schemaName}' is abstract in FtM; give a concrete one such as Company or Person");
        return schema;
    }

    private EntityMapping ReadEntity(string name, YamlNode keyNode, YamlNode value, Dictionary<string, FtmSchema> schemaOf)
    {
        var entries = _yaml.Mapping(value, $"entity '{name}'");
        _yaml.OnlyKeys(entries, $"entity '{name}'", EntitySettings);
        string? Setting(string key) => entries.FirstOrDefault(e => e.Key == key).Value is { } node ? _yaml.Scalar(node, $"{key} of '{name}'") : null;
        var keys = entries.Where(e => e.Key is "key" or "keys").SelectMany(e => _yaml.Values(e.Value, $"the keys of '{name}'")).ToList();
        var idColumn = Setting("id_column");
        if (keys.Count == 0 && idColumn is null)
            throw _yaml.Error(keyNode, $"entity '{name}' has no keys; give 'keys' (the columns that make its id) or 'id_column'");
        if (keys.Count > 0 && idColumn is not null)
            throw _yaml.Error(keyNode, $"entity '{name}' has both keys and id_column; give only one");
        var schema = schemaOf[name];
        var propertiesNode = entries.FirstOrDefault(e => e.Key == "properties").Value;
        var properties = propertiesNode is null ? [] : _yaml.Mapping(propertiesNode, $"the properties of '{name}'")
            .Select(p => new PropertyReader(_yaml, name, schema, schemaOf).Read(p.Key, p.KeyNode, p.Value)).ToList();
        return new EntityMapping(name, schema, keyNode.Start.Line)
        {
            Keys = keys,
            KeyLiteral = Setting("key_literal"),
            IdColumn = idColumn,
            Properties = properties,
        };
    }

    /// <summary>Orders entities so that each comes after those it references; a cycle is an error naming it.</summary>
    private List<EntityMapping> Order(List<EntityMapping> entities)
    {
        var ordered = new List<EntityMapping>(entities.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var waiting = new List<EntityMapping>(entities);
        while (waiting.Count > 0)
        {
            var next = waiting.FirstOrDefault(e => e.Dependencies.All(done.Contains));
            if (next is null)
            {
                var cycle = string.Join(", ", waiting.Select(e => $"'{e.Name}' (references {string.Join(", ", e.Dependencies.Where(d => !done.Contains(d)))})"));
                throw new MappingException(file, waiting[0].Line, $"the entities reference each other in a cycle, so none can be made first: {cycle}");
            }

            ordered.Add(next);
            done.Add(next.Name);
            waiting.Remove(next);
        }

        return ordered;
    }
}
