using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Core.Storage;
using static EntityGraph.Core.Analysis.RedFlags.RedFlagText;

namespace EntityGraph.Core.Analysis.RedFlags;

/// <summary>The rules of <see cref="RedFlagDetector"/>, applied to what it read for one party.</summary>
internal static class RedFlagRules
{
    private const double Tolerance = 1e-9;
    private const int NamesShown = 5;

    public static IReadOnlyList<RedFlag> Evaluate(Party party, RedFlagFacts facts, OwnershipRule rule, DateOnly asOf)
    {
        var context = new Context(party, facts, rule, asOf);
        return [.. new[]
        {
            DirectlySanctioned(context),
            OwnershipBlocked(context),
            OwnershipNearBlocked(context),
            SanctionedHolder(context, LinkKind.Owns),
            SanctionedHolder(context, LinkKind.Directs),
            SanctionedAddressNeighbour(context),
            ControlledByBlockedParty(context),
            NewCompanyTradingChpl(context),
            TransshipmentChplToRussia(context),
            SuddenChplRise(context),
            DeclarantNotReceiver(context),
        }.OfType<RedFlag>()];
    }

    private static RedFlag? DirectlySanctioned(Context c)
    {
        if (c.Exposure is not { DirectlySanctioned: true } exposure)
            return null;
        return new RedFlag(
            RedFlagCode.DirectlySanctioned,
            $"{c.Party.Name} is {SanctionedBy(exposure.Sanctions)}, in force on {Day(c.AsOf)}.",
            new RedFlagEvidence { SanctionIds = [.. exposure.Sanctions.Select(s => s.Id)] });
    }

    private static RedFlag? OwnershipBlocked(Context c)
    {
        if (c.Exposure is not { } exposure || exposure.BlockedOwnershipPercent < RedFlagDetector.BlockedPercent - Tolerance)
            return null;
        return OwnershipFlag(c, exposure, RedFlagCode.OwnershipBlocked,
            $"{c.Party.Name} is blocked by ownership under {RuleName(c.Rule)} as of {Day(c.AsOf)}: blocked owners hold {Prose.Percent(exposure.BlockedOwnershipPercent)} ({{0}}), which is ≥ 50%.");
    }

    private static RedFlag? OwnershipNearBlocked(Context c)
    {
        if (c.Exposure is not { } exposure
            || exposure.BlockedOwnershipPercent < RedFlagDetector.NearBlockedPercent - Tolerance
            || exposure.BlockedOwnershipPercent >= RedFlagDetector.BlockedPercent - Tolerance)
            return null;
        return OwnershipFlag(c, exposure, RedFlagCode.OwnershipNearBlocked,
            $"Blocked owners hold {Prose.Percent(exposure.BlockedOwnershipPercent)} of {c.Party.Name} as of {Day(c.AsOf)} ({{0}}): at least 25%, but under the 50% at which ownership blocks under {RuleName(c.Rule)}.");
    }

    private static RedFlag OwnershipFlag(Context c, Exposure exposure, RedFlagCode code, string template)
    {
        var counted = exposure.Contributions.Where(x => x.Counts).ToList();
        var owners = counted.GroupBy(x => x.OwnerId, StringComparer.Ordinal)
            .Select(g => $"{c.Facts.Name(g.Key)} {(g.Any(x => x.IsRange) ? "at least " : "")}{Prose.Percent(g.Sum(x => x.Percentage!.Value))}");
        var ownerIds = counted.Select(x => x.OwnerId).Distinct(StringComparer.Ordinal).ToList();
        var sentence = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Join(owners));
        if (exposure.Truncated)
            sentence += " Ownership was not followed to its end; owners beyond the bound were not checked.";
        return new RedFlag(code, sentence, new RedFlagEvidence
        {
            PartyIds = ownerIds,
            LinkIds = [.. counted.Select(x => x.OwnershipId)],
            SanctionIds = [.. ownerIds.SelectMany(c.Facts.SanctionsOf).Select(s => s.Id).Distinct(StringComparer.Ordinal)],
        })
        { Truncated = exposure.Truncated };
    }

    /// <summary>Sanctioned owners (<see cref="LinkKind.Owns"/>) or directors (<see cref="LinkKind.Directs"/>).</summary>
    private static RedFlag? SanctionedHolder(Context c, LinkKind kind)
    {
        var links = RedFlagFacts.Of(c.Facts.Holders, c.Party.Id)
            .Where(l => l.Kind == kind && c.Facts.SanctionsOf(l.SourceId).Count > 0)
            .OrderBy(l => l.SourceId, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
        if (links.Count == 0)
            return null;

        string Describe(Link link) => kind == LinkKind.Owns
            ? $"{c.Facts.Name(link.SourceId)} holds {Stake(link.Share)} ({SanctionedBy(c.Facts.SanctionsOf(link.SourceId))})"
            : $"{c.Facts.Name(link.SourceId)}{(link.Role is { } role ? $", {role}," : "")} is {SanctionedBy(c.Facts.SanctionsOf(link.SourceId))}";
        var what = kind == LinkKind.Owns
            ? (links.Count == 1 ? "a sanctioned owner" : "sanctioned owners")
            : (links.Count == 1 ? "a sanctioned director" : "sanctioned directors");
        return new RedFlag(
            kind == LinkKind.Owns ? RedFlagCode.SanctionedOwner : RedFlagCode.SanctionedDirector,
            $"{c.Party.Name} has {what} as of {Day(c.AsOf)}: {string.Join("; ", links.Select(Describe))}.",
            Neighbours(c, links));
    }

    private static RedFlag? SanctionedAddressNeighbour(Context c)
    {
        List<string> parts = [];
        List<Link> evidence = [];
        List<string> addressIds = [];
        foreach (var registration in RedFlagFacts.Of(c.Facts.Registrations, c.Party.Id).DistinctBy(l => l.TargetId))
        {
            var neighbours = RedFlagFacts.Of(c.Facts.Residents, registration.TargetId)
                .Where(l => l.SourceId != c.Party.Id && c.Facts.SanctionsOf(l.SourceId).Count > 0)
                .DistinctBy(l => l.SourceId)
                .OrderBy(l => l.SourceId, StringComparer.Ordinal)
                .ToList();
            if (neighbours.Count == 0)
                continue;
            var address = c.Facts.Addresses.TryGetValue(registration.TargetId, out var found) ? found.Full : registration.TargetId;
            parts.Add($"{address} with {Join(neighbours, l => $"{c.Facts.Name(l.SourceId)} ({SanctionedBy(c.Facts.SanctionsOf(l.SourceId))})", NamesShown)}");
            addressIds.Add(registration.TargetId);
            evidence.Add(registration);
            evidence.AddRange(neighbours);
        }

        if (parts.Count == 0)
            return null;
        var sentence = $"{c.Party.Name} shares the address {string.Join("; and the address ", parts)}, as of {Day(c.AsOf)}.";
        if (c.Facts.ResidentsTruncated)
            sentence += " Not every party registered there was checked (mass-registration address).";
        var neighbourLinks = evidence.Where(l => l.SourceId != c.Party.Id).ToList();
        return new RedFlag(RedFlagCode.SanctionedAddressNeighbour, sentence, Neighbours(c, neighbourLinks) with
        {
            AddressIds = addressIds,
            LinkIds = [.. evidence.Select(l => l.Id)],
        })
        { Truncated = c.Facts.ResidentsTruncated };
    }

    private static RedFlag? ControlledByBlockedParty(Context c)
    {
        var controls = RedFlagFacts.Of(c.Facts.Holders, c.Party.Id).Where(l => l.Kind == LinkKind.Controls).ToList();
        var blockedControllers = (c.Exposure?.ControlFlags ?? []).Select(f => f.ControlId).ToHashSet(StringComparer.Ordinal);
        var flagged = controls
            .Where(l => c.Facts.SanctionsOf(l.SourceId).Count > 0 || blockedControllers.Contains(l.Id))
            .OrderBy(l => l.SourceId, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
        if (flagged.Count == 0)
            return null;

        string Describe(Link link)
        {
            var sanctions = c.Facts.SanctionsOf(link.SourceId);
            var status = sanctions.Count > 0 ? SanctionedBy(sanctions) : $"blocked under {RuleName(c.Rule)}";
            return $"{c.Facts.Name(link.SourceId)}{(link.Role is { } role ? $" ({role})" : "")}, {status}";
        }

        return new RedFlag(
            RedFlagCode.ControlledByBlockedParty,
            $"{c.Party.Name} is controlled by {string.Join("; and by ", flagged.Select(Describe))}, as of {Day(c.AsOf)}: a red flag, not a block.",
            Neighbours(c, flagged));
    }

    private static RedFlag? NewCompanyTradingChpl(Context c)
    {
        if (c.Party.IncorporationDate is not { } incorporated || incorporated.Earliest < RedFlagDetector.InvasionDay)
            return null;
        var sent = c.Shipments(ShipmentRole.Sender).Where(s => s.Date!.Value.Earliest >= incorporated.Earliest).ToList();
        var received = c.Shipments(ShipmentRole.Receiver).Where(s => s.Date!.Value.Earliest >= incorporated.Earliest).ToList();
        var all = sent.Concat(received).DistinctBy(s => s.Id).OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (all.Count == 0)
            return null;

        var truncated = c.Truncated(ShipmentRole.Sender) || c.Truncated(ShipmentRole.Receiver);
        var atLeast = truncated ? "at least " : "";
        var roles = received.Count == 0 ? $"sent {atLeast}{Count(sent.Count, "shipment", "shipments")}"
            : sent.Count == 0 ? $"received {atLeast}{Count(received.Count, "shipment", "shipments")}"
            : $"sent or received {atLeast}{Count(all.Count, "shipment", "shipments")}";
        var split = sent.Count > 0 && received.Count > 0 ? $"; {sent.Count} sent, {received.Count} received" : "";
        return new RedFlag(
            RedFlagCode.NewCompanyTradingChpl,
            $"Incorporated on {incorporated}, after 24 February 2022, and since then {roles} of CHPL goods ({Tiers(all)}{split}) {Worth(all, truncated)}, the first on {all[0].Date}.",
            new RedFlagEvidence { ShipmentIds = [.. all.Select(s => s.Id)] })
        { Truncated = truncated };
    }

    private static RedFlag? TransshipmentChplToRussia(Context c)
    {
        var located = c.Party.Countries.Where(Countries.IsTransshipmentPoint).ToList();
        if (located.Count == 0)
            return null;
        var shipments = c.Shipments(ShipmentRole.Sender)
            .Where(s => s.Date!.Value.Earliest >= RedFlagDetector.InvasionDay && RestrictedDestination(c, s) is not null)
            .ToList();
        if (shipments.Count == 0)
            return null;

        var truncated = c.Truncated(ShipmentRole.Sender);
        var destinations = shipments.Select(s => RestrictedDestination(c, s)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(code => Countries.NameOf(code) ?? code);
        var receivers = shipments.Select(s => s.ReceiverId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var countries = Join(located.Select(code => Countries.NameOf(code) ?? code));
        var count = (truncated ? "at least " : "") + Count(shipments.Count, "shipment", "shipments");
        return new RedFlag(
            RedFlagCode.TransshipmentChplToRussia,
            $"Located in {countries}, a common transshipment point for goods bound for Russia, and sent {count} of CHPL goods ({Tiers(shipments)}) {Worth(shipments, truncated)} to {Join(destinations)} since 24 February 2022 ({shipments[0].Date} to {shipments[^1].Date}), to {Join(receivers, c.Facts.Name, NamesShown)}.",
            new RedFlagEvidence { ShipmentIds = [.. shipments.Select(s => s.Id)], PartyIds = receivers })
        { Truncated = truncated };
    }

    /// <summary>"ru" or "by" when the shipment goes there: its destination country, else its receiver's country.</summary>
    private static string? RestrictedDestination(Context c, Shipment shipment)
    {
        if (Countries.Normalize(shipment.DestinationCountry) is { } destination)
            return Countries.RestrictedDestinations.Contains(destination) ? destination : null;
        return shipment.ReceiverId is { } receiver && c.Facts.Parties.TryGetValue(receiver, out var party)
            ? party.Countries.FirstOrDefault(Countries.RestrictedDestinations.Contains)
            : null;
    }

    private static RedFlag? SuddenChplRise(Context c)
    {
        if (c.Party.IncorporationDate is { } incorporated && incorporated.Earliest >= RedFlagDetector.InvasionDay)
            return null;
        var traded = c.Shipments(ShipmentRole.Sender).Concat(c.Shipments(ShipmentRole.Receiver)).DistinctBy(s => s.Id)
            .OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var before = traded.Where(s => Within(s, RedFlagDetector.LookbackStart, RedFlagDetector.InvasionDay.AddDays(-1))).ToList();
        var after = traded.Where(s => Within(s, RedFlagDetector.InvasionDay, RedFlagDetector.RiseWindowEnd)).ToList();
        if (after.Count < RedFlagDetector.RiseMinimumShipments || after.Count < RedFlagDetector.RiseFactor * before.Count)
            return null;

        var truncated = c.Truncated(ShipmentRole.Sender) || c.Truncated(ShipmentRole.Receiver);
        var previous = before.Count == 0
            ? "none in the year before (2021-02-24 to 2022-02-23)"
            : $"{Count(before.Count, "shipment", "shipments")} {Worth(before, truncated: false)} in the year before (2021-02-24 to 2022-02-23)";
        return new RedFlag(
            RedFlagCode.SuddenChplRise,
            $"{c.Party.Name} sent or received {(truncated ? "at least " : "")}{Count(after.Count, "shipment", "shipments")} of CHPL goods ({Tiers(after)}) {Worth(after, truncated)} in the year from 24 February 2022 (to 2023-02-23), against {previous}: at least {RedFlagDetector.RiseFactor} times as many.",
            new RedFlagEvidence { ShipmentIds = [.. before.Concat(after).Select(s => s.Id)] })
        { Truncated = truncated };
    }

    private static bool Within(Shipment shipment, DateOnly from, DateOnly to) =>
        shipment.Date is { } date && date.Earliest >= from && date.Latest <= to;

    private static RedFlag? DeclarantNotReceiver(Context c)
    {
        var received = c.Shipments(ShipmentRole.Receiver)
            .Where(s => s.DeclarantId is { } declarant && declarant != c.Party.Id)
            .ToList();
        var declared = c.Shipments(ShipmentRole.Declarant)
            .Where(s => s.ReceiverId is { } receiver && receiver != c.Party.Id)
            .ToList();
        if (received.Count == 0 && declared.Count == 0)
            return null;

        List<string> sentences = [];
        if (received.Count > 0)
        {
            var atLeast = c.Truncated(ShipmentRole.Receiver) ? "at least " : "";
            sentences.Add($"{c.Party.Name} received {atLeast}{Count(received.Count, "shipment", "shipments")} of CHPL goods ({Tiers(received)}) declared to customs by another party, not by itself: {ByParty(c, received, s => s.DeclarantId!)}.");
        }

        if (declared.Count > 0)
        {
            var atLeast = c.Truncated(ShipmentRole.Declarant) ? "at least " : "";
            sentences.Add($"{c.Party.Name} declared {atLeast}{Count(declared.Count, "shipment", "shipments")} of CHPL goods ({Tiers(declared)}) received by other parties: {ByParty(c, declared, s => s.ReceiverId!)}.");
        }

        var shipments = received.Concat(declared).DistinctBy(s => s.Id).OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        return new RedFlag(
            RedFlagCode.DeclarantNotReceiver,
            string.Join(" ", sentences),
            new RedFlagEvidence
            {
                ShipmentIds = [.. shipments.Select(s => s.Id)],
                PartyIds = [.. received.Select(s => s.DeclarantId!).Concat(declared.Select(s => s.ReceiverId!)).Distinct(StringComparer.Ordinal)],
            })
        { Truncated = c.Truncated(ShipmentRole.Receiver) && received.Count > 0 || c.Truncated(ShipmentRole.Declarant) && declared.Count > 0 };
    }

    /// <summary>"Silk Way Forwarding (12), Other LLC (1)", most shipments first.</summary>
    private static string ByParty(Context c, IEnumerable<Shipment> shipments, Func<Shipment, string> party) =>
        Join(
            [.. shipments.GroupBy(party, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)],
            g => $"{c.Facts.Name(g.Key)} ({g.Count()})",
            NamesShown);

    private static RedFlagEvidence Neighbours(Context c, IReadOnlyCollection<Link> links)
    {
        var parties = links.Select(l => l.SourceId).Distinct(StringComparer.Ordinal).ToList();
        return new RedFlagEvidence
        {
            PartyIds = parties,
            LinkIds = [.. links.Select(l => l.Id)],
            SanctionIds = [.. parties.SelectMany(c.Facts.SanctionsOf).Select(s => s.Id).Distinct(StringComparer.Ordinal)],
        };
    }

    private static string Stake(OwnershipShare? share) => share switch
    {
        { Minimum: { } min, IsRange: false } => Prose.Percent(min),
        { Text: { } text } => $"\"{text}\"",
        _ => "an unstated stake",
    };

    private static string RuleName(OwnershipRule rule) => rule == OwnershipRule.Ofac ? "the OFAC 50% rule" : "the EU 50% rule";

    private sealed record Context(Party Party, RedFlagFacts Facts, OwnershipRule Rule, DateOnly AsOf)
    {
        public Exposure? Exposure => Facts.Exposures.GetValueOrDefault(Party.Id);

        /// <summary>The party's dated CHPL shipments in a role (the store read only dated ones from the lookback on).</summary>
        public IReadOnlyList<Shipment> Shipments(ShipmentRole role) => [.. Facts.ShipmentsOf(Party.Id, role).Where(s => s.Date is not null)];

        public bool Truncated(ShipmentRole role) => Facts.TruncatedRoles.Contains(role);
    }
}
