using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.RedFlags;

/// <summary>
/// Raises the red flags on parties, each with a sentence and its evidence, for one day and one ownership
/// rule. A batch of parties costs a fixed number of store calls for links, neighbours, sanctions and
/// shipments (one per kind of expansion), plus the <see cref="ExposureCalculator"/> verdict of each party.
/// Shipments and address neighbours are read up to a bound; a flag built on a bounded read says "at least"
/// and is marked <see cref="RedFlag.Truncated"/>.
/// </summary>
/// <remarks>The exact rule of each <see cref="RedFlagCode"/>: see docs/domain.md#red-flags.</remarks>
public sealed class RedFlagDetector(IGraphStore store)
{
    /// <summary>24 February 2022, the day of the full-scale invasion; the CHPL rules count from it.</summary>
    public static readonly DateOnly InvasionDay = new(2022, 2, 24);

    /// <summary>The first day of the year before <see cref="InvasionDay"/>; no shipment before it is read.</summary>
    public static readonly DateOnly LookbackStart = new(2021, 2, 24);

    /// <summary>The last day of the year from <see cref="InvasionDay"/>.</summary>
    public static readonly DateOnly RiseWindowEnd = new(2023, 2, 23);

    /// <summary>The share held by blocked owners from which a party is near-blocked, in percent.</summary>
    public const double NearBlockedPercent = 25;

    /// <summary>The share held by blocked owners from which a party is blocked, in percent (both 50% rules).</summary>
    public const double BlockedPercent = 50;

    /// <summary>The fewest CHPL shipments in the year from the invasion for a sudden rise.</summary>
    public const int RiseMinimumShipments = 5;

    /// <summary>How many times the year-before count the year-after count must reach for a sudden rise.</summary>
    public const int RiseFactor = 3;

    private static readonly LinkKind[] HolderKinds = [LinkKind.Owns, LinkKind.Directs, LinkKind.Controls];
    private static readonly LinkKind[] RegisteredAtKind = [LinkKind.RegisteredAt];
    private static readonly LinkKind[] SanctionedByKind = [LinkKind.SanctionedBy];
    private static readonly ChplTier[] AllTiers = Enum.GetValues<ChplTier>();
    private static readonly ShipmentRole[] Roles = [ShipmentRole.Sender, ShipmentRole.Receiver, ShipmentRole.Declarant];

    /// <summary>The most CHPL shipments read per party and role.</summary>
    public int ShipmentLimit { get; init; } = 1_000;

    /// <summary>The most registrations read per address, to bound mass-registration addresses.</summary>
    public int AddressNeighbourLimit { get; init; } = 500;

    /// <summary>The most owner, director and controller links read per party.</summary>
    public int LinkLimit { get; init; } = 1_000;

    /// <summary>The red flags of one party, or null when the store does not hold it.</summary>
    public async Task<IReadOnlyList<RedFlag>?> DetectAsync(string partyId, OwnershipRule rule, DateOnly asOf, CancellationToken cancellationToken)
    {
        var flags = await DetectAsync([partyId], rule, asOf, cancellationToken);
        return flags.GetValueOrDefault(partyId);
    }

    /// <summary>The red flags of each party the store holds (unknown ids are left out), in the order of <see cref="RedFlagCode"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RedFlag>>> DetectAsync(
        IReadOnlyCollection<string> partyIds, OwnershipRule rule, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partyIds);
        var parties = await store.GetPartiesAsync([.. partyIds.Distinct(StringComparer.Ordinal)], cancellationToken);
        if (parties.Count == 0)
            return new Dictionary<string, IReadOnlyList<RedFlag>>(StringComparer.Ordinal);

        var facts = await GatherAsync([.. parties.Select(p => p.Id)], rule, asOf, cancellationToken);
        foreach (var party in parties)
            facts.Parties[party.Id] = party;

        // The rules do not depend on names: write the sentences once to learn which names they need, read those in one call, write again.
        var flags = parties.ToDictionary(p => p.Id, p => RedFlagRules.Evaluate(p, facts, rule, asOf), StringComparer.Ordinal);
        if (facts.MissingNames.Count == 0)
            return flags;
        await ReadPartiesAsync(facts, [.. facts.MissingNames], cancellationToken);
        return parties.ToDictionary(p => p.Id, p => RedFlagRules.Evaluate(p, facts, rule, asOf), StringComparer.Ordinal);
    }

    private async Task ReadPartiesAsync(RedFlagFacts facts, List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return;
        foreach (var party in await store.GetPartiesAsync(ids, cancellationToken))
            facts.Parties[party.Id] = party;
        facts.MissingNames.Clear();
    }

    private async Task<RedFlagFacts> GatherAsync(List<string> ids, OwnershipRule rule, DateOnly asOf, CancellationToken cancellationToken)
    {
        var facts = new RedFlagFacts();
        var idSet = ids.ToHashSet(StringComparer.Ordinal);

        foreach (var (id, exposure) in await new ExposureCalculator(store).CalculateManyAsync(ids, rule, asOf, cancellationToken, explain: false))
            facts.Exposures[id] = exposure;

        var holders = await store.ExpandAsync(new LinkExpansion(ids, HolderKinds, LinkDirection.Incoming, asOf, asOf, LinkLimit * ids.Count), cancellationToken);
        foreach (var link in holders.Where(l => HolderKinds.Contains(l.Kind) && idSet.Contains(l.TargetId) && l.SourceId != l.TargetId && l.IsActiveOn(asOf)))
            RedFlagFacts.Add(facts.Holders, link.TargetId, link);

        await GatherResidentsAsync(facts, ids, idSet, cancellationToken);

        var neighbours = facts.Holders.Values.SelectMany(l => l).Select(l => l.SourceId)
            .Concat(facts.Residents.Values.SelectMany(l => l).Select(l => l.SourceId))
            .Distinct(StringComparer.Ordinal).ToList();
        await GatherSanctionsAsync(facts, neighbours, asOf, cancellationToken);

        var filter = new ShipmentFilter(From: LookbackStart, To: asOf, Tiers: AllTiers);
        var shipmentLimit = ShipmentLimit * ids.Count;
        foreach (var role in Roles)
        {
            var shipments = await store.ExpandShipmentsAsync(new ShipmentExpansion(ids, role, filter, shipmentLimit), cancellationToken);
            if (shipments.Count >= shipmentLimit)
                facts.TruncatedRoles.Add(role);
            foreach (var shipment in shipments)
            {
                if (PartyIn(shipment, role) is { } party && idSet.Contains(party))
                    RedFlagFacts.Add(facts.Shipments[role], party, shipment);
            }
        }

        // The transshipment rule needs the country of receivers of shipments that state no destination.
        var receivers = facts.Shipments[ShipmentRole.Sender].Values.SelectMany(l => l)
            .Where(s => Rules.Countries.Normalize(s.DestinationCountry) is null)
            .Select(s => s.ReceiverId).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();
        await ReadPartiesAsync(facts, receivers, cancellationToken);

        var flaggedAddresses = facts.Residents
            .Where(r => r.Value.Any(l => facts.ActiveSanctions.ContainsKey(l.SourceId)))
            .Select(r => r.Key).ToList();
        if (flaggedAddresses.Count > 0)
        {
            foreach (var address in await store.GetAddressesAsync(flaggedAddresses, cancellationToken))
                facts.Addresses[address.Id] = address;
        }

        return facts;
    }

    private async Task GatherResidentsAsync(RedFlagFacts facts, List<string> ids, HashSet<string> idSet, CancellationToken cancellationToken)
    {
        var registrations = await store.ExpandAsync(new LinkExpansion(ids, RegisteredAtKind, LinkDirection.Outgoing, Limit: LinkLimit * ids.Count), cancellationToken);
        foreach (var link in registrations.Where(l => l.Kind == LinkKind.RegisteredAt && idSet.Contains(l.SourceId)))
            RedFlagFacts.Add(facts.Registrations, link.SourceId, link);
        var addressIds = facts.Registrations.Values.SelectMany(l => l).Select(l => l.TargetId).Distinct(StringComparer.Ordinal).ToList();
        if (addressIds.Count == 0)
            return;

        var limit = AddressNeighbourLimit * addressIds.Count;
        var residents = await store.ExpandAsync(new LinkExpansion(addressIds, RegisteredAtKind, LinkDirection.Incoming, Limit: limit), cancellationToken);
        facts.ResidentsTruncated = residents.Count >= limit;
        var addressSet = addressIds.ToHashSet(StringComparer.Ordinal);
        foreach (var link in residents.Where(l => l.Kind == LinkKind.RegisteredAt && addressSet.Contains(l.TargetId)))
            RedFlagFacts.Add(facts.Residents, link.TargetId, link);
    }

    private async Task GatherSanctionsAsync(RedFlagFacts facts, List<string> partyIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (partyIds.Count == 0)
            return;
        var links = await store.ExpandAsync(new LinkExpansion(partyIds, SanctionedByKind, LinkDirection.Outgoing, Limit: LinkLimit * partyIds.Count), cancellationToken);
        var named = links.Where(l => l.Kind == LinkKind.SanctionedBy).ToList();
        if (named.Count == 0)
            return;
        var sanctions = (await store.GetSanctionsAsync([.. named.Select(l => l.TargetId).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var link in named)
        {
            if (sanctions.TryGetValue(link.TargetId, out var sanction) && sanction.IsActiveOn(asOf)
                && !RedFlagFacts.Of(facts.ActiveSanctions, link.SourceId).Contains(sanction))
                RedFlagFacts.Add(facts.ActiveSanctions, link.SourceId, sanction);
        }
    }

    private static string? PartyIn(Shipment shipment, ShipmentRole role) => role switch
    {
        ShipmentRole.Sender => shipment.SenderId,
        ShipmentRole.Receiver => shipment.ReceiverId,
        _ => shipment.DeclarantId,
    };
}
