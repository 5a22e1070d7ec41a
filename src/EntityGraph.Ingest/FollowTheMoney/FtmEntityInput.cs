using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;

namespace EntityGraph.Ingest.FollowTheMoney;

/// <summary>
/// An entity as a source submitted it, before validation: the id and schema may be missing, the
/// properties may name things the schema does not have, and <see cref="Problems"/> records what could
/// not be read at all (not JSON, a number where a string belongs). Validate it with
/// <see cref="Validation.FtmEntityValidator"/>, then turn it into an <see cref="FtmEntity"/>.
/// </summary>
public sealed class FtmEntityInput
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoProperties =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The id, or null when it is missing or not a string.</summary>
    public string? Id { get; init; }

    /// <summary>The schema name, or null when it is missing or not a string.</summary>
    public string? Schema { get; init; }

    /// <summary>Property name → values, in source order, without duplicates.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; init; } = NoProperties;

    /// <summary>The <c>datasets</c> the source says carry the entity (FtM exports from OpenSanctions and Aleph have them).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>What could not be read; each becomes a validation failure.</summary>
    public IReadOnlyList<FtmReadProblem> Problems { get; init; } = [];

    /// <summary>False when the record is not a JSON object at all, so nothing else about it can be judged.</summary>
    public bool IsReadable { get; init; } = true;

    /// <summary>An input made from an entity built in code, e.g. to validate it before an upsert.</summary>
    public static FtmEntityInput From(FtmEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new FtmEntityInput
        {
            Id = entity.Id,
            Schema = entity.Schema,
            Properties = entity.Properties,
            Datasets = entity.Datasets,
            FirstSeen = entity.FirstSeen,
            LastSeen = entity.LastSeen,
        };
    }

    /// <summary>The entity, once validation has passed.</summary>
    /// <param name="json">When given, encodes the properties for the store on this thread (<see cref="FtmEntity.EncodedProperties"/>).</param>
    /// <exception cref="InvalidOperationException">The id or schema is missing.</exception>
    public FtmEntity ToEntity(FtmPropertiesJson? json = null) =>
        new(
            Id ?? throw new InvalidOperationException("An entity without an id cannot be stored; validate it first."),
            Schema ?? throw new InvalidOperationException("An entity without a schema cannot be stored; validate it first."),
            Properties)
        {
            Datasets = Datasets,
            FirstSeen = FirstSeen,
            LastSeen = LastSeen,
            EncodedProperties = json?.Encode(Properties),
        };
}
