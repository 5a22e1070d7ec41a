using EntityGraph.Core.Model;

namespace EntityGraph.Storage.Neo4j;

/// <summary>
/// How the domain model appears in Neo4j: node labels, relationship types and property keys. It is
/// the one source for the store's statements, the neo4j-csv export and the schema the Cypher lint
/// checks against, so that the three cannot drift. Labels and types never come from input.
/// </summary>
public static class GraphModel
{
    /// <summary>
    /// Every node keyed by an FtM id. A node that only links refer to (its entity not imported yet, or
    /// deleted) has its <c>id</c> and nothing else.
    /// </summary>
    public const string Entity = "Entity";

    /// <summary>Every company, organization, person or party of unknown kind, besides its kind label.</summary>
    public const string Party = "Party";

    public const string Address = "Address";

    public const string Shipment = "Shipment";

    public const string Sanction = "Sanction";

    /// <summary>FtM interval entities read as relationships (Ownership, Directorship, …) are kept as nodes too, so that they can be fetched and exported.</summary>
    public const string Interval = "Interval";

    /// <summary>The one node holding the store's schema version and the data version every write transaction moves.</summary>
    public const string StoreMetadata = "StoreMetadata";

    public static string Label(PartyKind kind) => kind switch
    {
        PartyKind.Company => "Company",
        PartyKind.Organization => "Organization",
        PartyKind.Person => "Person",
        PartyKind.LegalEntity => "LegalEntity",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown party kind."),
    };

    public static string RelationshipType(LinkKind kind) => kind switch
    {
        LinkKind.Owns => "OWNS",
        LinkKind.Directs => "DIRECTS",
        LinkKind.Controls => "CONTROLS",
        LinkKind.Represents => "REPRESENTS",
        LinkKind.RelatedTo => "RELATED_TO",
        LinkKind.RegisteredAt => "REGISTERED_AT",
        LinkKind.SanctionedBy => "SANCTIONED_BY",
        LinkKind.Sent => "SENT",
        LinkKind.Received => "RECEIVED",
        LinkKind.Declared => "DECLARED",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown link kind."),
    };

    public static IReadOnlyList<string> Labels { get; } =
        [Entity, Party, .. Enum.GetValues<PartyKind>().Select(Label), Address, Shipment, Sanction, Interval, StoreMetadata];

    public static IReadOnlyList<string> RelationshipTypes { get; } = [.. Enum.GetValues<LinkKind>().Select(RelationshipType)];

    /// <summary>
    /// Property keys of every entity node. <c>entity</c> holds the merged FtM entity as an FtM JSON line and
    /// <c>fragments</c> the per-dataset values it was merged from (a JSON array of such lines, each with the
    /// <c>run_id</c> that wrote it), so that any entity can be given back exactly; the other keys are typed
    /// copies for Cypher and indexes.
    /// </summary>
    public static IReadOnlyList<string> EntityProperties { get; } =
        ["id", "schema", "name", "datasets", "sourceId", "firstSeen", "lastSeen", "entity", "fragments"];

    /// <summary>
    /// Property keys by label, besides <see cref="EntityProperties"/> (which <see cref="StoreMetadata"/> does not have). Dates as FtM
    /// writes them are strings (<c>2021</c>, <c>2021-02</c>); <c>…Earliest</c>/<c>…Latest</c> are Neo4j dates bounding them.
    /// <c>searchText</c> is the party's names as search tokens, those of its own name first (full-text indexed).
    /// <c>chplTier</c> is the tier as the list writes it (<c>1</c>, <c>3.A</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NodeProperties { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Party] = ["aliases", "countries", "topics", "incorporationDate", "incorporationEarliest", "searchText"],
        [Address] = ["full", "country"],
        [Shipment] =
        [
            "date", "dateEarliest", "dateLatest", "senderId", "receiverId", "declarantId", "hsCode", "hs6", "chplTier",
            "goodsDescription", "valueUsd", "originCountry", "departureCountry", "destinationCountry", "tradingCountry",
        ],
        [Sanction] = ["authority", "program", "countries", "startDate", "endDate", "listingDate"],
        [StoreMetadata] = ["id", "schemaVersion", "dataVersion"],
    };

    /// <summary>
    /// Property keys of every relationship. Relationships read from FtM interval entities carry the interval's id; others a derived
    /// id (<c>shipment-1:sender:acme</c>). <c>sourceId</c> is the entity the relationship was read from; <c>percentage</c> is an
    /// ownership's exact stake (or the lower bound of a range) as a number and <c>shares</c> the stake as the source wrote it.
    /// <c>firstSeen</c>/<c>lastSeen</c> are datetimes, on nodes too.
    /// </summary>
    public static IReadOnlyList<string> RelationshipProperties { get; } =
        ["id", "schema", "startDate", "endDate", "percentage", "shares", "role", "status", "datasets", "sourceId", "firstSeen", "lastSeen"];

    /// <summary>Every property key the model uses, for the Cypher lint schema.</summary>
    public static IReadOnlyList<string> PropertyKeys { get; } =
        [.. EntityProperties.Concat(NodeProperties.Values.SelectMany(k => k)).Concat(RelationshipProperties).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
