using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Rules;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Tables;

namespace EntityGraph.Ingest.Mapping;

/// <summary>An entity a row made: its mapping's name and the entity, not yet validated.</summary>
public sealed record MappedEntity(string MappedAs, FtmEntityInput Input);

/// <summary>
/// Makes the entities of one row as <c>ftm map</c> does: entities in dependency order; each property's values from
/// the row; an <c>entity:</c> reference takes the id of the entity this row made under that name (and, where the
/// schema has <c>namesMentioned</c>, its names); the id is computed last. A row whose keys are all empty, or whose
/// <c>required</c> property is empty, makes no such entity — counted in <see cref="NotMade"/>, not an error.
/// </summary>
public sealed class RowMapper(QueryMapping query, string dataset)
{
    private readonly Dictionary<string, long> _notMade = new(StringComparer.Ordinal);

    /// <summary>The dataset the entities belong to; also the prefix of their ids.</summary>
    public string Dataset { get; } = dataset;

    /// <summary>Per mapped entity and reason, how many rows made no such entity.</summary>
    public IReadOnlyDictionary<string, long> NotMade => _notMade;

    /// <summary>The entities of a row; <paramref name="problems"/> gets every value the row cannot give, each naming its entity.</summary>
    public IReadOnlyList<MappedEntity> Map(TableRow row, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problems);
        var made = new Dictionary<string, FtmEntityInput>(StringComparer.Ordinal);
        var entities = new List<MappedEntity>(query.Entities.Count);
        foreach (var entity in query.Entities)
        {
            var properties = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var entityProblems = new List<string>();
            // As FtM does, countries first, so that their values come first wherever order shows.
            foreach (var property in entity.Properties.OrderBy(p => p.Property.Type == "country" ? 0 : 1))
                Fill(entity, property, row, made, properties, entityProblems);
            problems.AddRange(entityProblems.Select(p => $"entity '{entity.Name}': {p}"));
            var id = entity.ComputeKey(row, Dataset);
            if (id is null)
            {
                Count(entity.Name, entity.IdColumn is null ? "keys empty" : "id_column empty");
                continue;
            }

            if (entity.Properties.FirstOrDefault(p => p.Required && !properties.ContainsKey(p.Property.Name)) is { } missing)
            {
                Count(entity.Name, $"required '{missing.Property.Name}' empty");
                continue;
            }

            var input = new FtmEntityInput { Id = id, Schema = entity.Schema.Name, Properties = properties, Datasets = [Dataset] };
            made[entity.Name] = input;
            entities.Add(new MappedEntity(entity.Name, input));
        }

        return entities;
    }

    private static void Fill(EntityMapping entity, PropertyMapping property, TableRow row, Dictionary<string, FtmEntityInput> made, Dictionary<string, IReadOnlyList<string>> properties, List<string> problems)
    {
        if (property.Entity is not null)
        {
            if (!made.TryGetValue(property.Entity, out var target))
                return;
            Add(properties, property.Property.Name, [target.Id!]);
            if (entity.Schema.GetProperty("namesMentioned") is not null)
                Add(properties, "namesMentioned", Names(target));
            return;
        }

        var values = property.Values(row, problems);
        if (property.Property.Type == "country")
            values = [.. values.Select(v => Countries.Normalize(v) ?? v)];
        Add(properties, property.Property.Name, values);
    }

    private static IEnumerable<string> Names(FtmEntityInput entity)
    {
        var schema = FtmSchemaCatalog.Default.Find(entity.Schema!);
        return entity.Properties.Where(p => schema?.GetProperty(p.Key)?.Type == "name").SelectMany(p => p.Value);
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> properties, string name, IEnumerable<string> values)
    {
        var list = properties.TryGetValue(name, out var existing) ? (List<string>)existing : [];
        foreach (var value in values)
        {
            if (!list.Contains(value, StringComparer.Ordinal))
                list.Add(value);
        }

        if (list.Count > 0)
            properties[name] = list;
    }

    private void Count(string entity, string reason)
    {
        var key = $"{entity}: {reason}";
        _notMade[key] = _notMade.GetValueOrDefault(key) + 1;
    }
}
