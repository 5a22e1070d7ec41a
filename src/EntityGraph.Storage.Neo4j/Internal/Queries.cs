using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>The names of the store's queries in <c>cypher/queries/</c>; names with a label or type in them are built from <see cref="GraphModel"/> only.</summary>
internal static class Queries
{
    public const string LockWrites = "lock-writes";
    public const string ReadFragments = "read-fragments";
    public const string ReadEntities = "read-entities";
    public const string UpsertEntities = "upsert-entities";
    public const string DeleteLinks = "delete-links";
    public const string ClearEntity = "clear-entity";
    public const string DeletePlaceholders = "delete-placeholders";
    public const string BumpDataVersion = "bump-data-version";
    public const string DataVersion = "data-version";
    public const string SetSchemaVersion = "set-schema-version";
    public const string StoreStatus = "store-status";
    public const string CountEntities = "count-entities";
    public const string IndexStates = "index-states";
    public const string DeleteEverything = "delete-everything";
    public const string SearchParties = "search-parties";
    public const string SearchExactNames = "search-exact-names";
    public const string StreamTrades = "stream-trades";
    public const string ExportEntities = "export-entities";
    public const string ExportFragments = "export-fragments";
    public const string AggregateShipments = "aggregate-shipments";
    public const string AggregateDatedShipments = "aggregate-dated-shipments";

    /// <summary>Every name the store uses, for the test that each one is embedded.</summary>
    public static IEnumerable<string> All =>
    [
        LockWrites, ReadFragments, ReadEntities, UpsertEntities, DeleteLinks, ClearEntity, DeletePlaceholders, BumpDataVersion, DataVersion,
        SetSchemaVersion, StoreStatus, CountEntities, IndexStates, DeleteEverything, SearchParties, SearchExactNames, StreamTrades, ExportEntities, ExportFragments,
        AggregateShipments, AggregateDatedShipments,
        .. Enum.GetValues<LinkKind>().Select(MergeLinks),
        .. Enum.GetValues<LinkDirection>().Select(ExpandLinks),
        .. Enum.GetValues<ShipmentRole>().SelectMany(r => new[] { ExpandShipments(r), ExpandTrades(r), ShipmentPages(r) }),
    ];

    public static string MergeLinks(LinkKind kind) => $"merge-links-{GraphModel.RelationshipType(kind)}";

    public static string ExpandLinks(LinkDirection direction) => direction switch
    {
        LinkDirection.Outgoing => "expand-links-outgoing",
        LinkDirection.Incoming => "expand-links-incoming",
        _ => "expand-links-both",
    };

    public static string ExpandShipments(ShipmentRole role) => $"expand-shipments-{Role(role)}";

    public static string ExpandTrades(ShipmentRole role) => $"expand-trades-{Role(role)}";

    public static string ShipmentPages(ShipmentRole role) => $"shipment-pages-{Role(role)}";

    private static string Role(ShipmentRole role) => role switch
    {
        ShipmentRole.Sender => "sender",
        ShipmentRole.Receiver => "receiver",
        ShipmentRole.Declarant => "declarant",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown shipment role."),
    };
}
