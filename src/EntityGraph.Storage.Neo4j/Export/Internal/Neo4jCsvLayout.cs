using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;

namespace EntityGraph.Storage.Neo4j.Export.Internal;

/// <summary>
/// Which file each node and relationship goes to and how each column of those files is read from
/// it: one node file per label group, first match wins, and one relationship file per type.
/// </summary>
internal static class Neo4jCsvLayout
{
    /// <summary>One entity on its way to a node file.</summary>
    public sealed record NodeRow(FtmEntity Entity, GraphProjection Projection, string EntityJson, string FragmentsJson);

    /// <summary>A node file: which entities it holds, their labels and the properties of those labels.</summary>
    public sealed record NodeGroup(string File, Func<NodeRow, bool> Holds, IReadOnlyList<Neo4jCsvColumn<NodeRow>> Columns);

    private static readonly Dictionary<string, Func<NodeRow, object?>> EntityValues = new(StringComparer.Ordinal)
    {
        ["schema"] = r => r.Entity.Schema,
        ["name"] = r => r.Projection.Party?.Name ?? r.Entity.First("name"),
        ["datasets"] = r => r.Entity.Datasets,
        ["sourceId"] = r => r.Entity.Id,
        ["firstSeen"] = r => r.Entity.FirstSeen,
        ["lastSeen"] = r => r.Entity.LastSeen,
        ["entity"] = r => r.EntityJson,
        ["fragments"] = r => r.FragmentsJson,
    };

    private static readonly Dictionary<string, Func<NodeRow, object?>> PartyValues = new(StringComparer.Ordinal)
    {
        ["aliases"] = r => r.Projection.Party!.Aliases,
        ["countries"] = r => r.Projection.Party!.Countries,
        ["topics"] = r => r.Projection.Party!.Topics,
        ["incorporationDate"] = r => r.Projection.Party!.IncorporationDate?.ToString(),
        ["incorporationEarliest"] = r => r.Projection.Party!.IncorporationDate?.Earliest,
        ["searchText"] = r => r.Projection.SearchText,
    };

    private static readonly Dictionary<string, Func<NodeRow, object?>> AddressValues = new(StringComparer.Ordinal)
    {
        ["full"] = r => r.Projection.Address!.Full,
        ["country"] = r => r.Projection.Address!.Countries.FirstOrDefault(),
    };

    private static readonly Dictionary<string, Func<NodeRow, object?>> ShipmentValues = new(StringComparer.Ordinal)
    {
        ["date"] = r => r.Projection.Shipment!.Date?.ToString(),
        ["dateEarliest"] = r => r.Projection.Shipment!.Date?.Earliest,
        ["dateLatest"] = r => r.Projection.Shipment!.Date?.Latest,
        ["senderId"] = r => r.Projection.Shipment!.SenderId,
        ["receiverId"] = r => r.Projection.Shipment!.ReceiverId,
        ["declarantId"] = r => r.Projection.Shipment!.DeclarantId,
        ["hsCode"] = r => r.Projection.Shipment!.HsCode?.Digits,
        ["hs6"] = r => r.Projection.Shipment!.HsCode?.Hs6,
        ["chplTier"] = r => r.Projection.Shipment!.ChplTier is { } tier ? ChplList.Label(tier) : null,
        ["goodsDescription"] = r => r.Projection.Shipment!.GoodsDescription,
        ["valueUsd"] = r => r.Projection.Shipment!.ValueUsd,
        ["originCountry"] = r => r.Projection.Shipment!.OriginCountry,
        ["departureCountry"] = r => r.Projection.Shipment!.DepartureCountry,
        ["destinationCountry"] = r => r.Projection.Shipment!.DestinationCountry,
        ["tradingCountry"] = r => r.Projection.Shipment!.TradingCountry,
    };

    private static readonly Dictionary<string, Func<NodeRow, object?>> SanctionValues = new(StringComparer.Ordinal)
    {
        ["authority"] = r => r.Projection.Sanction!.Authority,
        ["program"] = r => r.Projection.Sanction!.Program,
        ["countries"] = r => r.Projection.Sanction!.Countries,
        ["startDate"] = r => r.Projection.Sanction!.StartDate?.ToString(),
        ["endDate"] = r => r.Projection.Sanction!.EndDate?.ToString(),
        ["listingDate"] = r => r.Projection.Sanction!.ListingDate?.ToString(),
    };

    private static readonly Dictionary<string, Func<Link, object?>> LinkValues = new(StringComparer.Ordinal)
    {
        ["id"] = l => l.Id,
        ["schema"] = l => l.Schema,
        ["startDate"] = l => l.StartDate?.ToString(),
        ["endDate"] = l => l.EndDate?.ToString(),
        ["percentage"] = l => l.Share?.Exact ?? l.Share?.Minimum,
        ["shares"] = l => l.Share?.Text,
        ["role"] = l => l.Role,
        ["status"] = l => l.Status,
        ["datasets"] = l => l.Provenance.Datasets,
        ["sourceId"] = l => l.Provenance.SourceId,
        ["firstSeen"] = l => l.Provenance.FirstSeen,
        ["lastSeen"] = l => l.Provenance.LastSeen,
    };

    /// <summary>The columns of a node file: <c>id:ID</c>, <c>:LABEL</c>, the entity properties, then the label's own.</summary>
    private static Neo4jCsvColumn<NodeRow>[] NodeColumns(Func<NodeRow, IReadOnlyList<string>> labels, string? label, Dictionary<string, Func<NodeRow, object?>>? values) =>
    [
        new("id:ID", r => r.Entity.Id),
        new(":LABEL", labels),
        .. GraphModel.EntityProperties.Where(k => k != "id").Select(k => Neo4jCsvColumn<NodeRow>.Property(k, Lookup(EntityValues, k))),
        .. label is null ? [] : GraphModel.NodeProperties[label].Select(k => Neo4jCsvColumn<NodeRow>.Property(k, Lookup(values!, k))),
    ];

    private static Func<TRow, object?> Lookup<TRow>(Dictionary<string, Func<TRow, object?>> values, string key) =>
        values.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"The neo4j-csv export does not know how to write the graph model's property '{key}'.");

    public static readonly NodeGroup[] NodeGroups =
    [
        new("nodes-parties.csv", r => r.Projection.Party is not null,
            NodeColumns(r => [GraphModel.Entity, GraphModel.Party, GraphModel.Label(r.Projection.Party!.Kind)], GraphModel.Party, PartyValues)),
        new("nodes-addresses.csv", r => r.Projection.Address is not null,
            NodeColumns(_ => [GraphModel.Entity, GraphModel.Address], GraphModel.Address, AddressValues)),
        new("nodes-shipments.csv", r => r.Projection.Shipment is not null,
            NodeColumns(_ => [GraphModel.Entity, GraphModel.Shipment], GraphModel.Shipment, ShipmentValues)),
        new("nodes-sanctions.csv", r => r.Projection.Sanction is not null,
            NodeColumns(_ => [GraphModel.Entity, GraphModel.Sanction], GraphModel.Sanction, SanctionValues)),
        new("nodes-intervals.csv", r => FtmProjector.LinkKindOf(r.Entity.Schema) is not null,
            NodeColumns(_ => [GraphModel.Entity, GraphModel.Interval], null, null)),
        new("nodes-entities.csv", _ => true,
            NodeColumns(_ => [GraphModel.Entity], null, null)),
    ];

    public static readonly Neo4jCsvColumn<Link>[] RelationshipColumns =
    [
        new(":START_ID", l => l.SourceId),
        new(":END_ID", l => l.TargetId),
        new(":TYPE", l => GraphModel.RelationshipType(l.Kind)),
        .. GraphModel.RelationshipProperties.Select(k => Neo4jCsvColumn<Link>.Property(k, Lookup(LinkValues, k))),
    ];

    /// <summary>The relationship file of a link kind, e.g. <c>relationships-registered-at.csv</c>.</summary>
    public static string RelationshipFile(LinkKind kind) => $"relationships-{GraphModel.RelationshipType(kind).ToLowerInvariant().Replace('_', '-')}.csv";
}
