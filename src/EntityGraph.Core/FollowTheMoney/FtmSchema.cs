using System.Collections.Frozen;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>
/// A FollowTheMoney schema (entity type) with its inheritance resolved: the ancestors it is a kind of,
/// and every property it accepts, its own and inherited ones.
/// Instances come from <see cref="FtmSchemaCatalog"/>.
/// </summary>
public sealed class FtmSchema
{
    internal FtmSchema(
        string name,
        bool isAbstract,
        IReadOnlyList<string> extends,
        IReadOnlyList<string> declaredRequired,
        string? edgeSource,
        string? edgeTarget,
        IReadOnlyList<string> caption,
        IReadOnlyDictionary<string, FtmProperty> ownProperties)
    {
        Name = name;
        Abstract = isAbstract;
        Extends = extends;
        Required = declaredRequired;
        EdgeSource = edgeSource;
        EdgeTarget = edgeTarget;
        Caption = caption;
        OwnProperties = ownProperties;
        Ancestors = new HashSet<string>(StringComparer.Ordinal) { name };
        Properties = ownProperties;
        RequiredWithAncestors = declaredRequired;
    }

    /// <summary>The schema name, e.g. <c>Company</c>.</summary>
    public string Name { get; }

    /// <summary>True for schemata used only for inheritance (e.g. <c>Thing</c>, <c>Interval</c>); FtM never emits entities of them.</summary>
    public bool Abstract { get; }

    /// <summary>The direct parent schemata, in declaration order.</summary>
    public IReadOnlyList<string> Extends { get; }

    /// <summary>All the schemata this one is a kind of, transitively, including itself.</summary>
    public IReadOnlySet<string> Ancestors { get; private set; }

    /// <summary>The properties an entity of this schema may carry: its own, its reverse stubs and all inherited ones.</summary>
    public IReadOnlyDictionary<string, FtmProperty> Properties { get; private set; }

    /// <summary>The properties declared by this schema itself (including reverse stubs added to it).</summary>
    public IReadOnlyDictionary<string, FtmProperty> OwnProperties { get; }

    /// <summary>
    /// The properties FtM requires on an entity of this schema. As in FtM's own validation, this is the
    /// list the schema declares: concrete schemata restate the requirements they keep from their parents
    /// (<c>Company</c> declares <c>name</c>), and a schema that declares none (<c>Address</c>, <c>Vehicle</c>,
    /// <c>BankAccount</c>) requires nothing, although its ancestor <c>Thing</c> requires <c>name</c>.
    /// <see cref="RequiredWithAncestors"/> has the union with every ancestor's list.
    /// </summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>
    /// <see cref="Required"/> together with the required properties of every ancestor. Stricter than FtM:
    /// do not use it to reject data (it would make <c>name</c> mandatory on <c>Address</c>).
    /// </summary>
    public IReadOnlyList<string> RequiredWithAncestors { get; private set; }

    /// <summary>For schemata that FtM draws as graph edges, the entity property holding the source; otherwise null.</summary>
    public string? EdgeSource { get; }

    /// <summary>For schemata that FtM draws as graph edges, the entity property holding the target; otherwise null.</summary>
    public string? EdgeTarget { get; }

    /// <summary>True when FtM represents entities of this schema as edges (both <see cref="EdgeSource"/> and <see cref="EdgeTarget"/> set).</summary>
    public bool IsEdge => EdgeSource is not null && EdgeTarget is not null;

    /// <summary>The properties to try, in order, to caption an entity of this schema.</summary>
    public IReadOnlyList<string> Caption { get; }

    /// <summary>True when this schema is <paramref name="schemaName"/> or descends from it.</summary>
    /// <param name="schemaName">A schema name, compared exactly (case-sensitive).</param>
    public bool IsA(string schemaName) => Ancestors.Contains(schemaName);

    /// <summary>Looks up a property (own or inherited) by name; null when the schema does not have it.</summary>
    /// <param name="propertyName">The property name, compared exactly (case-sensitive).</param>
    public FtmProperty? GetProperty(string propertyName) => Properties.GetValueOrDefault(propertyName);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Called once by the catalogue, parents first, to resolve inheritance.</summary>
    internal void Resolve(IReadOnlyList<FtmSchema> parents)
    {
        var ancestors = new HashSet<string>(StringComparer.Ordinal) { Name };
        // FtM semantics: own properties win, then parents in declaration order, first one wins.
        var properties = new Dictionary<string, FtmProperty>(OwnProperties, StringComparer.Ordinal);
        var required = new List<string>(Required);
        foreach (var parent in parents)
        {
            ancestors.UnionWith(parent.Ancestors);
            foreach (var (name, property) in parent.Properties)
                properties.TryAdd(name, property);
            foreach (var name in parent.RequiredWithAncestors)
            {
                if (!required.Contains(name, StringComparer.Ordinal))
                    required.Add(name);
            }
        }

        Ancestors = ancestors.ToFrozenSet(StringComparer.Ordinal);
        Properties = properties.ToFrozenDictionary(StringComparer.Ordinal);
        RequiredWithAncestors = required.AsReadOnly();
    }
}
