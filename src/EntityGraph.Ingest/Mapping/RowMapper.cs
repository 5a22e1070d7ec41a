using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Tables;

namespace EntityGraph.Ingest.Mapping;

/// <summary>An entity a row made: its mapping's name and the entity, not yet validated.</summary>
public sealed class MappedEntity(string mappedAs, FtmEntityInput input)
{
    private FtmEntity? _entity;

    public string MappedAs { get; } = mappedAs;

    public FtmEntityInput Input { get; } = input;

    /// <summary>The entity to store, made once however many rows give it; only for an input found valid.</summary>
    public FtmEntity Entity => _entity ??= Input.ToEntity();

    /// <summary>Makes <see cref="Entity"/> with its properties encoded for the store, on the thread that read its values.</summary>
    internal FtmEntity Make(Core.FollowTheMoney.FtmPropertiesJson json) => _entity ??= Input.ToEntity(json);

    /// <summary>The values of its name properties, for the <c>namesMentioned</c> of the entities that reference it; gathered when first needed.</summary>
    internal IReadOnlyList<string>? Names { get; set; }

    /// <summary>Whether validation found it valid: handed on by a later row, this very entity is not judged again.</summary>
    internal bool FoundValid { get; set; }

    /// <summary>
    /// Whether the store took this very entity last under its id in the import: handed on by a later row, it is left
    /// out, because merging it again would change nothing. Kept by the importer's repeat filter, on the thread that writes to the store.
    /// </summary>
    internal bool Stored { get; set; }
}

/// <summary>
/// Makes the entities of one row as <c>ftm map</c> does: entities in dependency order; each property's values from
/// the row; an <c>entity:</c> reference takes the id of the entity this row made under that name (and, where the
/// schema has <c>namesMentioned</c>, its names); the id is computed last. A row whose keys are all empty, or whose
/// <c>required</c> property is empty, makes no such entity — counted in <see cref="NotMade"/>, not an error.
/// A row that gives an entity the same id, cells and references as a recent row hands on the entity made then.
/// </summary>
public sealed class RowMapper
{
    private readonly Dictionary<string, long> _notMade = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MappedEntity> _made = new(StringComparer.Ordinal);
    private readonly List<string> _entityProblems = [];
    private readonly Plan[] _plans;
    private readonly Dictionary<string, Plan> _plansByName;
    private readonly Internal.Namespace? _namespace;

    /// <param name="query">The query whose entities to make.</param>
    /// <param name="dataset">The dataset the entities belong to; also the prefix of their ids.</param>
    /// <param name="sign">Sign ids with the dataset, as <c>ftm map</c> does unless told <c>--no-sign</c>.</param>
    public RowMapper(QueryMapping query, string dataset, bool sign = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        Dataset = dataset;
        _namespace = sign ? new Internal.Namespace(dataset) : null;
        _plans = [.. query.Entities.Select(e => new Plan(e))];
        _plansByName = _plans.ToDictionary(p => p.Entity.Name, StringComparer.Ordinal);
    }

    /// <summary>The dataset the entities belong to; also the prefix of their ids.</summary>
    public string Dataset { get; }

    /// <summary>Per mapped entity and reason, how many rows made no such entity.</summary>
    public IReadOnlyDictionary<string, long> NotMade => _notMade;

    /// <summary>The entities of a row; <paramref name="problems"/> gets every value the row cannot give, each naming its entity.</summary>
    public IReadOnlyList<MappedEntity> Map(TableRow row, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problems);
        // The entities this row made so far, by name; what is kept of them outlives the row as copies of the references.
        var made = _made;
        made.Clear();
        var entities = new List<MappedEntity>(_plans.Length);
        var entityProblems = _entityProblems;
        foreach (var plan in _plans)
        {
            var entity = plan.Entity;
            if (plan.Recent.Recall(row, made) is { } recalled)
            {
                made[entity.Name] = recalled;
                entities.Add(recalled);
                continue;
            }

            var id = entity.ComputeKey(row, Dataset);

            // Sized for every property and the names mentioned, so that it is never grown.
            var properties = new Dictionary<string, IReadOnlyList<string>>(plan.Properties.Length + 1, StringComparer.Ordinal);
            entityProblems.Clear();
            for (var i = 0; i < plan.Properties.Length; i++)
                Fill(plan, i, row, made, properties, entityProblems);
            foreach (var problem in entityProblems)
                problems.Add($"entity '{entity.Name}': {problem}");
            if (id is null)
            {
                Count(entity.Name, entity.IdColumn is null ? "keys empty" : "id_column empty");
                continue;
            }

            if (plan.MissingRequired(properties) is { } missing)
            {
                Count(entity.Name, $"required '{missing}' empty");
                continue;
            }

            var input = new FtmEntityInput { Id = _namespace?.Sign(id) ?? id, Schema = entity.Schema.Name, Properties = properties, Datasets = [Dataset] };
            var mapped = new MappedEntity(entity.Name, input);
            if (entityProblems.Count == 0)
                plan.Recent.Remember(row, made, mapped);
            made[entity.Name] = mapped;
            entities.Add(mapped);
        }

        return entities;
    }

    private void Fill(Plan plan, int index, TableRow row, Dictionary<string, MappedEntity> made, Dictionary<string, IReadOnlyList<string>> properties, List<string> problems)
    {
        var property = plan.Properties[index];
        if (plan.Constants[index] is { } constant)
        {
            Add(properties, property.Property.Name, constant);
            return;
        }

        if (property.Entity is not null)
        {
            if (!made.TryGetValue(property.Entity, out var target))
                return;
            Add(properties, property.Property.Name, [target.Input.Id!]);
            if (plan.MentionsNames)
                _plansByName[property.Entity].AddNames(target, properties);
            return;
        }

        var before = problems.Count;
        var values = property.Values(row, problems);
        if (property.Property.Type == "country")
            values = Changed(values, v => Countries.Normalize(v) ?? v);
        else if (property.Property.IsEntity && _namespace is not null)
            values = Changed(values, _namespace.Sign);
        // Literals read no cell: every row gives them the same values, worked out once.
        if (property.Columns.Count == 0 && property.Template is null && problems.Count == before)
            plan.Constants[index] = values;
        Add(properties, property.Property.Name, values);
    }

    /// <summary>The values each changed by <paramref name="change"/>; the list itself when none changes.</summary>
    private static IReadOnlyList<string> Changed(IReadOnlyList<string> values, Func<string, string> change)
    {
        string[]? changed = null;
        for (var i = 0; i < values.Count; i++)
        {
            var value = change(values[i]);
            if (changed is null && ReferenceEquals(value, values[i]))
                continue;
            if (changed is null)
            {
                changed = new string[values.Count];
                for (var j = 0; j < i; j++)
                    changed[j] = values[j];
            }

            changed[i] = value;
        }

        return changed ?? values;
    }

    /// <summary>
    /// Adds values to a property, leaving out those it has. The lists are never changed in place: the first values a
    /// property gets may be another entity's own list (its names), so adding to them makes a new list.
    /// </summary>
    private static void Add(Dictionary<string, IReadOnlyList<string>> properties, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        properties.TryGetValue(name, out var existing);
        properties[name] = Union(existing, values);
    }

    /// <summary>The values of <paramref name="existing"/>, then those of <paramref name="values"/> it lacks; <paramref name="values"/> itself when there are none before and it has no repeats.</summary>
    private static IReadOnlyList<string> Union(IReadOnlyList<string>? existing, IReadOnlyList<string> values)
    {
        if ((existing is null || existing.Count == 0) && IsDistinct(values))
            return values;
        var list = existing is null ? new List<string>(values.Count) : new List<string>(existing);
        for (var i = 0; i < values.Count; i++)
        {
            if (!Contains(list, values[i]))
                list.Add(values[i]);
        }

        return list;
    }

    private static bool IsDistinct(IReadOnlyList<string> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(values[i], values[j], StringComparison.Ordinal))
                    return false;
            }
        }

        return true;
    }

    private static bool Contains(List<string> list, string value)
    {
        foreach (var item in list)
        {
            if (string.Equals(item, value, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>What each row does for one mapped entity, worked out once.</summary>
    private sealed class Plan
    {
        private readonly string[] _nameProperties;

        public Plan(EntityMapping entity)
        {
            Entity = entity;
            // As FtM does, countries first, so that their values come first wherever order shows.
            Properties = [.. entity.Properties.OrderBy(p => p.Property.Type == "country" ? 0 : 1)];
            Constants = new IReadOnlyList<string>?[Properties.Length];
            MentionsNames = entity.Schema.GetProperty("namesMentioned") is not null;
            _nameProperties = [.. entity.Schema.Properties.Values.Where(p => p.Type == "name").Select(p => p.Name)];
            Recent = new Internal.RecentEntities(entity.Refs, entity.Dependencies);
            _required = [.. entity.Properties.Where(p => p.Required).Select(p => p.Property.Name)];
        }

        private readonly string[] _required;

        /// <summary>The first <c>required</c> property the entity has no value for, or null.</summary>
        public string? MissingRequired(Dictionary<string, IReadOnlyList<string>> properties)
        {
            foreach (var name in _required)
            {
                if (!properties.ContainsKey(name))
                    return name;
            }

            return null;
        }

        /// <summary>What the entity made lately, to hand on to rows that would make it again.</summary>
        public Internal.RecentEntities Recent { get; }

        public EntityMapping Entity { get; }

        public PropertyMapping[] Properties { get; }

        /// <summary>By property, the values of one that reads no cell (literals), once a row has given them.</summary>
        public IReadOnlyList<string>?[] Constants { get; }

        /// <summary>Whether the entity takes the names of those it references (FtM's <c>namesMentioned</c>).</summary>
        public bool MentionsNames { get; }

        /// <summary>Adds the entity's name values to the <c>namesMentioned</c> of an entity that references it.</summary>
        public void AddNames(MappedEntity entity, Dictionary<string, IReadOnlyList<string>> properties)
        {
            // Gathered once per entity, while the row that made it is read: a later row that hands it on finds them ready.
            entity.Names ??= Names(entity.Input);
            Add(properties, "namesMentioned", entity.Names);
        }

        /// <summary>The values of the entity's name properties, in the schema's order, each once.</summary>
        private IReadOnlyList<string> Names(FtmEntityInput entity)
        {
            IReadOnlyList<string> names = [];
            foreach (var name in _nameProperties)
            {
                if (entity.Properties.TryGetValue(name, out var values) && values.Count > 0)
                    names = Union(names, values);
            }

            return names;
        }
    }

    private void Count(string entity, string reason)
    {
        var key = $"{entity}: {reason}";
        _notMade[key] = _notMade.GetValueOrDefault(key) + 1;
    }
}
