using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Core.Search;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>Reads the graph model out of merged FollowTheMoney entities.</summary>
public static class FtmProjector
{
    /// <summary>Interval schemata that become links, with their source and target properties.</summary>
    private static readonly Dictionary<string, (LinkKind Kind, string Source, string Target, string? Role)> LinkSchemata = new(StringComparer.Ordinal)
    {
        ["Ownership"] = (LinkKind.Owns, "owner", "asset", "role"),
        ["Directorship"] = (LinkKind.Directs, "director", "organization", "role"),
        ["Control"] = (LinkKind.Controls, "controller", "controlled", "controlType"),
        ["Representation"] = (LinkKind.Represents, "agent", "client", "role"),
        ["Family"] = (LinkKind.RelatedTo, "person", "relative", "relationship"),
        ["Associate"] = (LinkKind.RelatedTo, "person", "associate", "relationship"),
        ["UnknownLink"] = (LinkKind.RelatedTo, "subject", "object", "role"),
    };

    private static readonly string[] NameProperties = ["name", "alias", "previousName", "weakAlias"];
    private static readonly string[] CountryProperties = ["country", "jurisdiction", "mainCountry", "nationality", "citizenship"];

    /// <summary>
    /// The <c>EconomicActivity</c> properties read as a shipment's value in US dollars, the first that holds
    /// a number winning. FtM types them as strings, so validation requires them to be numbers (<see cref="FtmNumber"/>).
    /// </summary>
    public static IReadOnlyList<string> ShipmentValueProperties { get; } = ["customsAmount", "invoiceAmount"];

    /// <summary>The link kinds an FtM schema is read as, for schemata that are links.</summary>
    public static LinkKind? LinkKindOf(string schema) => LinkSchemata.TryGetValue(schema, out var s) ? s.Kind : null;

    /// <summary>
    /// The ids of the entities a link with this id may have been read from: the id itself (an interval
    /// entity's link) and each part before a colon (<c>shipment-1:sender:acme</c> is read from <c>shipment-1</c>).
    /// </summary>
    public static IEnumerable<string> CarrierCandidates(string linkId)
    {
        ArgumentNullException.ThrowIfNull(linkId);
        yield return linkId;
        for (var i = linkId.IndexOf(':', StringComparison.Ordinal); i > 0; i = linkId.IndexOf(':', i + 1))
            yield return linkId[..i];
    }

    /// <summary>The party kind of a schema, or null when the schema is not a party (not a LegalEntity).</summary>
    public static PartyKind? PartyKindOf(string schema)
    {
        if (FtmSchemaCatalog.Default.Find(schema) is not { } s || !s.IsA("LegalEntity"))
            return null;
        if (s.IsA("Person"))
            return PartyKind.Person;
        if (s.IsA("Company"))
            return PartyKind.Company;
        if (s.IsA("Organization"))
            return PartyKind.Organization;
        return PartyKind.LegalEntity;
    }

    /// <summary>The node and links an entity stands for.</summary>
    /// <param name="entity">A merged entity.</param>
    /// <param name="includeSearchText">Whether to compute a party's search text (transliteration and folding of every name), which only writers need.</param>
    /// <param name="includeFirstRoleLinks">
    /// Whether a shipment's links include those of its first sender, receiver and declarant (<see cref="Shipment.SenderId"/>,
    /// <see cref="Shipment.ReceiverId"/>, <see cref="Shipment.DeclarantId"/>); a store that keeps them as the shipment's
    /// own columns leaves them out, and builds no link it would not store.
    /// </param>
    public static GraphProjection Project(FtmEntity entity, bool includeSearchText = true, bool includeFirstRoleLinks = true)
    {
        var provenance = new Provenance(entity.Datasets, entity.Id, entity.FirstSeen, entity.LastSeen);
        var links = new List<Link>();
        Party? party = null;
        Address? address = null;
        Sanction? sanction = null;
        Shipment? shipment = null;
        string? searchText = null;

        if (PartyKindOf(entity.Schema) is { } kind)
        {
            party = ReadParty(entity, kind, provenance);
            if (includeSearchText)
                searchText = SearchText.IndexText(NameProperties.SelectMany(entity.Values));
            foreach (var addressId in entity.Values("addressEntity"))
                links.Add(PropertyLink(entity, LinkKind.RegisteredAt, "addressEntity", entity.Id, addressId, provenance));
        }
        else if (entity.Schema == "Address")
        {
            address = ReadAddress(entity, provenance);
        }
        else if (entity.Schema == "Sanction")
        {
            sanction = ReadSanction(entity, provenance);
            foreach (var partyId in entity.Values("entity"))
                links.Add(PropertyLink(entity, LinkKind.SanctionedBy, "entity", partyId, entity.Id, provenance));
        }
        else if (entity.Schema == "EconomicActivity")
        {
            shipment = ReadShipment(entity, provenance);
            var first = includeFirstRoleLinks ? 0 : 1;
            AddRoleLinks(links, entity, LinkKind.Sent, "sender", partyIsSource: true, first, provenance);
            AddRoleLinks(links, entity, LinkKind.Received, "receiver", partyIsSource: false, first, provenance);
            AddRoleLinks(links, entity, LinkKind.Declared, "declarant", partyIsSource: true, first, provenance);
        }
        else if (LinkSchemata.TryGetValue(entity.Schema, out var shape))
        {
            links.AddRange(ReadIntervalLinks(entity, shape.Kind, shape.Source, shape.Target, shape.Role, provenance));
        }

        return new GraphProjection(party, address, sanction, shipment, links, searchText);
    }

    private static Party ReadParty(FtmEntity entity, PartyKind kind, Provenance provenance)
    {
        var names = NameProperties.SelectMany(entity.Values).Distinct(StringComparer.Ordinal).ToList();
        return new Party
        {
            Id = entity.Id,
            Kind = kind,
            Schema = entity.Schema,
            Name = names.Count > 0 ? names[0] : entity.Id,
            Aliases = names.Skip(1).ToArray(),
            Countries = CountriesOf(entity, CountryProperties),
            Topics = entity.Values("topics"),
            IncorporationDate = Date(entity, "incorporationDate"),
            Provenance = provenance,
            Properties = entity.Properties,
        };
    }

    private static Address ReadAddress(FtmEntity entity, Provenance provenance)
    {
        var full = entity.First("full")
            ?? string.Join(", ", new[] { "street", "street2", "postalCode", "city", "region" }.Select(entity.First).OfType<string>());
        return new Address
        {
            Id = entity.Id,
            Full = string.IsNullOrWhiteSpace(full) ? entity.First("name") ?? entity.Id : full,
            Countries = CountriesOf(entity, ["country"]),
            City = entity.First("city"),
            Provenance = provenance,
        };
    }

    private static Sanction ReadSanction(FtmEntity entity, Provenance provenance) => new()
    {
        Id = entity.Id,
        EntityIds = entity.Values("entity"),
        Authority = entity.First("authority"),
        Program = entity.First("program"),
        Reason = entity.First("reason"),
        ListingDate = Date(entity, "listingDate"),
        StartDate = Date(entity, "startDate"),
        EndDate = Date(entity, "endDate"),
        Status = entity.First("status"),
        Countries = CountriesOf(entity, ["country"]),
        Provenance = provenance,
    };

    private static Shipment ReadShipment(FtmEntity entity, Provenance provenance)
    {
        var hs = HsCode.Normalize(entity.First("vedCode"));
        return new Shipment
        {
            Id = entity.Id,
            Date = Date(entity, "date") ?? Date(entity, "startDate"),
            SenderId = entity.First("sender"),
            ReceiverId = entity.First("receiver"),
            DeclarantId = entity.First("declarant"),
            HsCode = hs,
            ChplTier = ChplList.TierOf(hs),
            GoodsDescription = entity.First("goodsDescription"),
            ValueUsd = ValueOf(entity),
            OriginCountry = Countries.Normalize(entity.First("originCountry")),
            DepartureCountry = Countries.Normalize(entity.First("departureCountry")),
            DestinationCountry = Countries.Normalize(entity.First("destinationCountry")),
            TradingCountry = Countries.Normalize(entity.First("tradingCountry")),
            Provenance = provenance,
        };
    }

    private static IEnumerable<Link> ReadIntervalLinks(FtmEntity entity, LinkKind kind, string sourceProperty, string targetProperty, string? roleProperty, Provenance provenance)
    {
        var sources = entity.Values(sourceProperty);
        var targets = entity.Values(targetProperty);
        var single = sources.Count == 1 && targets.Count == 1;
        var share = kind == LinkKind.Owns ? OwnershipShare.Parse(entity.First("percentage"), out _) : null;
        foreach (var source in sources)
        {
            foreach (var target in targets)
            {
                yield return new Link
                {
                    Id = single ? entity.Id : $"{entity.Id}:{source}:{target}",
                    Kind = kind,
                    SourceId = source,
                    TargetId = target,
                    Schema = entity.Schema,
                    StartDate = Date(entity, "startDate") ?? Date(entity, "date"),
                    EndDate = Date(entity, "endDate"),
                    Share = share,
                    Role = roleProperty is null ? null : entity.First(roleProperty),
                    Status = entity.First("status"),
                    Provenance = provenance,
                    Properties = entity.Properties,
                };
            }
        }
    }

    /// <summary>The links of a shipment's parties in one role, from its <paramref name="first"/>th value on.</summary>
    private static void AddRoleLinks(List<Link> links, FtmEntity entity, LinkKind kind, string property, bool partyIsSource, int first, Provenance provenance)
    {
        var parties = entity.Values(property);
        for (var i = first; i < parties.Count; i++)
        {
            var (source, target) = partyIsSource ? (parties[i], entity.Id) : (entity.Id, parties[i]);
            links.Add(PropertyLink(entity, kind, property, source, target, provenance));
        }
    }

    private static Link PropertyLink(FtmEntity entity, LinkKind kind, string property, string source, string target, Provenance provenance) => new()
    {
        Id = $"{entity.Id}:{property}:{(source == entity.Id ? target : source)}",
        Kind = kind,
        SourceId = source,
        TargetId = target,
        Schema = entity.Schema,
        Provenance = provenance,
    };

    private static PartialDate? Date(FtmEntity entity, string property)
    {
        foreach (var value in entity.Values(property))
        {
            if (PartialDate.TryParse(value, out var date))
                return date;
        }

        return null;
    }

    /// <summary>The first readable value of the first shipment value property that has one.</summary>
    private static double? ValueOf(FtmEntity entity)
    {
        foreach (var property in ShipmentValueProperties)
        {
            if (Number(entity, property) is { } value)
                return value;
        }

        return null;
    }

    private static double? Number(FtmEntity entity, string property)
    {
        foreach (var value in entity.Values(property))
        {
            if (FtmNumber.TryParse(value, out var number))
                return number;
        }

        return null;
    }

    private static string[] CountriesOf(FtmEntity entity, IEnumerable<string> properties) =>
        properties.SelectMany(entity.Values)
            .Select(Countries.Normalize)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
