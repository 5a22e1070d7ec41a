using EntityGraph.Core.FollowTheMoney;
using YamlDotNet.RepresentationModel;

namespace EntityGraph.Ingest.Mapping.Internal;

/// <summary>Reads and checks one property of an entity mapping.</summary>
internal sealed class PropertyReader(YamlNodes yaml, string entity, FtmSchema schema, IReadOnlyDictionary<string, FtmSchema> schemaOf)
{
    private static readonly string[] Settings = ["column", "columns", "join", "split", "literal", "literals", "entity", "template", "format", "required", "fuzzy"];

    public PropertyMapping Read(string name, YamlNode keyNode, YamlNode value)
    {
        var property = Property(name, keyNode);
        var what = $"'{entity}.{name}'";
        // A bare value is a column name: "name: company_name".
        var entries = value is YamlScalarNode
            ? [("column", keyNode, value)]
            : yaml.Mapping(value, what);
        yaml.OnlyKeys(entries, what, Settings);
        string? Setting(string key) => entries.FirstOrDefault(e => e.Key == key).Value is { } node ? yaml.Scalar(node, $"{key} of {what}") : null;
        IReadOnlyList<string> List(params string[] keys) => [.. entries.Where(e => keys.Contains(e.Key)).SelectMany(e => yaml.Values(e.Value, $"{e.Key} of {what}"))];

        var mapping = new PropertyMapping(property, keyNode.Start.Line)
        {
            Columns = List("column", "columns"),
            Literals = List("literal", "literals"),
            Join = Setting("join"),
            Split = Setting("split"),
            Entity = Setting("entity"),
            Template = Setting("template")?.Trim(),
            Format = Format(Setting("format"), property, keyNode, what),
            Required = entries.FirstOrDefault(e => e.Key == "required").Value is { } required && yaml.Boolean(required, $"required of {what}"),
        };
        if (mapping.Columns.Count == 0 && mapping.Literals.Count == 0 && mapping.Template is null && mapping.Entity is null)
            throw yaml.Error(keyNode, $"{what} takes its values from nowhere; give column, columns, literal, template or entity");
        if (mapping.Split == "")
            throw yaml.Error(keyNode, $"{what} splits on an empty separator; give the text between values, e.g. split: \";\"");
        if (mapping.Entity is { } target)
            CheckReference(mapping, target, keyNode, what);
        return mapping;
    }

    private FtmProperty Property(string name, YamlNode keyNode)
    {
        var property = schema.GetProperty(name);
        if (property is null)
        {
            var near = schema.Properties.Keys.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
            throw yaml.Error(keyNode, $"entity '{entity}': {schema.Name} has no property '{name}'{(near is null ? "" : $" (did you mean '{near}'?)")}");
        }

        if (property.IsReverse)
            throw yaml.Error(keyNode, $"entity '{entity}': '{name}' is the reverse side of a link in FtM and cannot be mapped; map the link from the entity that states it");
        return property;
    }

    private DateFormat? Format(string? text, FtmProperty property, YamlNode keyNode, string what)
    {
        if (text is null)
            return null;
        if (property.Type != "date")
            throw yaml.Error(keyNode, $"{what} has a date format, but '{property.Name}' is not a date ({property.Type})");
        return DateFormat.Parse(text, out var error) ?? throw yaml.Error(keyNode, $"{what}: {error}");
    }

    private void CheckReference(PropertyMapping mapping, string target, YamlNode keyNode, string what)
    {
        if (!mapping.Property.IsEntity)
            throw yaml.Error(keyNode, $"{what} references entity '{target}', but '{mapping.Property.Name}' holds {mapping.Property.Type} values, not entities");
        if (!schemaOf.TryGetValue(target, out var targetSchema))
            throw yaml.Error(keyNode, $"{what} references entity '{target}', which the query does not map; the entities are {string.Join(", ", schemaOf.Keys)}");
        if (!targetSchema.IsA(mapping.Property.Range!))
            throw yaml.Error(keyNode, $"{what} must reference a {mapping.Property.Range}, but '{target}' is a {targetSchema.Name}");
    }
}
