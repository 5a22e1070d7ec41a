using System.Globalization;
using EntityGraph.Core.Model;

namespace EntityGraph.Testing;

/// <summary>
/// A small named FollowTheMoney fixture graph, built fluently:
/// <c>FtmGraph.Create().Company("acme", "Acme GmbH", country: "de").Person("ivanov", "Ivan Ivanov").Owns("ivanov", "acme", "51%")</c>.
/// Ids are used as given; entities come out in the order they were first mentioned.
/// </summary>
public sealed class FtmGraph
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (string Schema, Dictionary<string, List<string>> Properties)> _entities = new(StringComparer.Ordinal);

    private FtmGraph()
    {
    }

    public static FtmGraph Create() => new();

    /// <summary>The entities built so far, each a fresh copy.</summary>
    public IReadOnlyList<FtmEntity> Entities => [.. _order.Select(Build)];

    /// <summary>The entity with this id.</summary>
    public FtmEntity this[string id] => Build(id);

    public FtmGraph Company(string id, string name, string? country = null, string? incorporated = null, string? topic = null) =>
        Party(id, "Company", name, country, topic).Set(id, "incorporationDate", incorporated);

    public FtmGraph Organization(string id, string name, string? country = null, string? topic = null) =>
        Party(id, "Organization", name, country, topic);

    public FtmGraph Person(string id, string name, string? country = null, string? topic = null)
    {
        Add(id, "Person").Set(id, "name", name).Set(id, "nationality", country).Set(id, "topics", topic);
        return this;
    }

    /// <summary>A party of unknown kind, e.g. a name on a customs form.</summary>
    public FtmGraph LegalEntity(string id, string name, string? country = null) => Party(id, "LegalEntity", name, country, null);

    /// <summary>An address; with <paramref name="of"/>, also registers that party at it.</summary>
    public FtmGraph Address(string id, string full, string? country = null, string? of = null)
    {
        Add(id, "Address").Set(id, "full", full).Set(id, "country", country);
        return of is null ? this : Set(of, "addressEntity", id);
    }

    public FtmGraph Owns(string owner, string asset, string? percentage = null, string? startDate = null, string? endDate = null, string? id = null)
    {
        id ??= $"own-{owner}-{asset}";
        Add(id, "Ownership").Set(id, "owner", owner).Set(id, "asset", asset).Set(id, "percentage", percentage)
            .Set(id, "startDate", startDate).Set(id, "endDate", endDate);
        return this;
    }

    public FtmGraph Directs(string director, string organization, string? role = null, string? startDate = null, string? endDate = null, string? id = null)
    {
        id ??= $"dir-{director}-{organization}";
        Add(id, "Directorship").Set(id, "director", director).Set(id, "organization", organization).Set(id, "role", role)
            .Set(id, "startDate", startDate).Set(id, "endDate", endDate);
        return this;
    }

    public FtmGraph Controls(string controller, string controlled, string? type = null, string? id = null)
    {
        id ??= $"ctl-{controller}-{controlled}";
        Add(id, "Control").Set(id, "controller", controller).Set(id, "controlled", controlled).Set(id, "controlType", type);
        return this;
    }

    public FtmGraph Sanction(string party, string? authority = null, string? program = null, string? startDate = null, string? endDate = null, string? id = null)
    {
        id ??= $"san-{party}";
        Add(id, "Sanction").Set(id, "entity", party).Set(id, "authority", authority).Set(id, "program", program)
            .Set(id, "startDate", startDate).Set(id, "endDate", endDate);
        return this;
    }

    /// <summary>A customs declaration (FtM <c>EconomicActivity</c>) from one party to another.</summary>
    public FtmGraph Shipment(
        string id,
        string from,
        string to,
        string? date = null,
        string? hs = null,
        double? value = null,
        string? declarant = null,
        string? goods = null)
    {
        Add(id, "EconomicActivity").Set(id, "sender", from).Set(id, "receiver", to).Set(id, "date", date)
            .Set(id, "vedCode", hs).Set(id, "customsAmount", value?.ToString(CultureInfo.InvariantCulture))
            .Set(id, "declarant", declarant).Set(id, "goodsDescription", goods);
        return this;
    }

    /// <summary>Any entity: a schema and property values; repeating a property adds a value.</summary>
    public FtmGraph Entity(string id, string schema, params (string Property, string Value)[] values)
    {
        Add(id, schema);
        foreach (var (property, value) in values)
            Set(id, property, value);
        return this;
    }

    /// <summary>Adds a value to a property of an entity already in the graph (null adds nothing).</summary>
    public FtmGraph Set(string id, string property, string? value)
    {
        if (value is null)
            return this;
        if (!_entities.TryGetValue(id, out var entity))
            throw new InvalidOperationException($"The fixture graph has no entity '{id}' to set '{property}' on.");
        if (!entity.Properties.TryGetValue(property, out var values))
            entity.Properties[property] = values = [];
        if (!values.Contains(value))
            values.Add(value);
        return this;
    }

    private FtmGraph Party(string id, string schema, string name, string? country, string? topic) =>
        Add(id, schema).Set(id, "name", name).Set(id, "country", country).Set(id, "topics", topic);

    private FtmGraph Add(string id, string schema)
    {
        if (_entities.ContainsKey(id))
            throw new InvalidOperationException($"The fixture graph already has an entity '{id}'.");
        _entities[id] = (schema, new Dictionary<string, List<string>>(StringComparer.Ordinal));
        _order.Add(id);
        return this;
    }

    private FtmEntity Build(string id)
    {
        var (schema, properties) = _entities[id];
        return new FtmEntity(id, schema, properties.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal));
    }
}
