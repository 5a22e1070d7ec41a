using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>
/// The parameter rows of the write statements, built from what <see cref="FtmProjector"/> reads out of a
/// merged entity, so that Neo4j holds the same model as every other store. Property keys are those of
/// <see cref="GraphModel"/>; a null value leaves the property unset.
/// </summary>
internal static class EntityRows
{
    /// <summary>A row of <c>upsert-entities</c>: the node's label, its properties, and the values Cypher turns into datetimes, dates and floats.</summary>
    public static Dictionary<string, object?> Node(FtmEntity merged, string fragmentsJson, GraphProjection projection)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = merged.Id,
            ["schema"] = merged.Schema,
            ["name"] = projection.Party?.Name ?? merged.First("name"),
            ["datasets"] = Values.NonEmpty(merged.Datasets),
            ["sourceId"] = merged.Id,
            ["entity"] = EntityDocuments.Entity(merged),
            ["fragments"] = fragmentsJson,
        };
        var row = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = merged.Id,
            ["label"] = LabelOf(merged, projection),
            ["properties"] = properties,
            ["firstSeen"] = Values.Timestamp(merged.FirstSeen),
            ["lastSeen"] = Values.Timestamp(merged.LastSeen),
            ["incorporationEarliest"] = null,
            ["dateEarliest"] = null,
            ["dateLatest"] = null,
            ["valueUsd"] = null,
        };

        if (projection.Party is { } party)
        {
            properties["aliases"] = Values.NonEmpty(party.Aliases);
            properties["countries"] = Values.NonEmpty(party.Countries);
            properties["topics"] = Values.NonEmpty(party.Topics);
            properties["incorporationDate"] = party.IncorporationDate?.ToString();
            properties["searchText"] = projection.SearchText;
            row["incorporationEarliest"] = Values.Day(party.IncorporationDate?.Earliest);
        }
        else if (projection.Address is { } address)
        {
            properties["full"] = address.Full;
            properties["country"] = address.Countries.FirstOrDefault();
        }
        else if (projection.Sanction is { } sanction)
        {
            properties["authority"] = sanction.Authority;
            properties["program"] = sanction.Program;
            properties["countries"] = Values.NonEmpty(sanction.Countries);
            properties["startDate"] = sanction.StartDate?.ToString();
            properties["endDate"] = sanction.EndDate?.ToString();
            properties["listingDate"] = sanction.ListingDate?.ToString();
        }
        else if (projection.Shipment is { } s)
        {
            properties["date"] = s.Date?.ToString();
            properties["senderId"] = s.SenderId;
            properties["receiverId"] = s.ReceiverId;
            properties["declarantId"] = s.DeclarantId;
            properties["hsCode"] = s.HsCode?.Digits;
            properties["hs6"] = s.HsCode?.Hs6;
            properties["chplTier"] = Values.Tier(s.ChplTier);
            properties["goodsDescription"] = s.GoodsDescription;
            properties["originCountry"] = s.OriginCountry;
            properties["departureCountry"] = s.DepartureCountry;
            properties["destinationCountry"] = s.DestinationCountry;
            properties["tradingCountry"] = s.TradingCountry;
            row["dateEarliest"] = Values.Day(s.Date?.Earliest);
            row["dateLatest"] = Values.Day(s.Date?.Latest);
            row["valueUsd"] = s.ValueUsd;
        }

        return row;
    }

    /// <summary>The node label of an entity's kind (besides <see cref="GraphModel.Entity"/>), or null for a schema the graph has no kind for.</summary>
    public static string? LabelOf(FtmEntity entity, GraphProjection projection) =>
        projection.Party is { } party ? GraphModel.Label(party.Kind)
        : projection.Address is not null ? GraphModel.Address
        : projection.Shipment is not null ? GraphModel.Shipment
        : projection.Sanction is not null ? GraphModel.Sanction
        : FtmProjector.LinkKindOf(entity.Schema) is not null ? GraphModel.Interval
        : null;

    /// <summary>A row of <c>merge-links-{TYPE}</c>.</summary>
    public static Dictionary<string, object?> Link(Link link, string entityId) => new(StringComparer.Ordinal)
    {
        ["id"] = link.Id,
        ["source"] = link.SourceId,
        ["target"] = link.TargetId,
        ["entity"] = entityId,
        ["properties"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = link.Id,
            ["sourceId"] = entityId,
            ["schema"] = link.Schema,
            ["startDate"] = link.StartDate?.ToString(),
            ["endDate"] = link.EndDate?.ToString(),
            ["shares"] = link.Share?.Text,
            ["role"] = link.Role,
            ["status"] = link.Status,
            ["datasets"] = Values.NonEmpty(link.Provenance.Datasets),
        },
        ["firstSeen"] = Values.Timestamp(link.Provenance.FirstSeen),
        ["lastSeen"] = Values.Timestamp(link.Provenance.LastSeen),
        ["percentage"] = link.Share?.Exact ?? link.Share?.Minimum,
    };

    /// <summary>A row of <c>delete-links</c>: which relationship a link of an entity's previous values was written as.</summary>
    public static Dictionary<string, object?> LinkKey(Link link, string entityId) => new(StringComparer.Ordinal)
    {
        ["id"] = link.Id,
        ["source"] = link.SourceId,
        ["target"] = link.TargetId,
        ["entity"] = entityId,
    };
}
