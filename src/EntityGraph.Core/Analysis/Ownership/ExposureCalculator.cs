using System.Globalization;
using System.Text;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>
/// Decides whether a party is blocked under the OFAC or EU 50% rule on a given day. Blocked status is the
/// least fixpoint over the ownership graph above the party: directly sanctioned parties are blocked, and a
/// party whose blocked owners together hold 50% or more is blocked too. Percentages are added, never
/// multiplied; stakes held through companies that are not blocked do not count; a range counts its minimum;
/// unknown stakes are reported and never counted.
/// </summary>
public sealed class ExposureCalculator(IGraphStore store)
{
    /// <summary>How many ownership levels above the party are followed by default.</summary>
    public const int DefaultMaxDepth = 12;

    private const double Threshold = 50;
    private const double Tolerance = 1e-9;
    private static readonly LinkKind[] OwnsKind = [LinkKind.Owns];
    private static readonly LinkKind[] SanctionedByKind = [LinkKind.SanctionedBy];
    private static readonly LinkKind[] ControlsKind = [LinkKind.Controls];

    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>
    /// The most links one store call may return for each party it asks about (a batch of parties may read
    /// that many times as many); reaching it marks the result as truncated.
    /// </summary>
    public int LinkLimit { get; init; } = 10_000;

    /// <summary>The limit of one batched store call about <paramref name="parties"/> parties.</summary>
    private int LimitFor(int parties) => (int)Math.Min(int.MaxValue, (long)LinkLimit * Math.Max(1, parties));

    /// <summary>The verdict for a party, or null when the store does not hold it.</summary>
    public async Task<Exposure?> CalculateAsync(string partyId, OwnershipRule rule, DateOnly asOf, CancellationToken cancellationToken) =>
        (await CalculateManyAsync([partyId], rule, asOf, cancellationToken)).GetValueOrDefault(partyId);

    /// <summary>
    /// The verdicts for a set of parties, gathered together: the ownership graphs above them are read
    /// level by level in one batched store call per level, whatever the number of parties. Parties the
    /// store does not hold are absent from the result.
    /// </summary>
    /// <param name="partyIds">The parties to judge.</param>
    /// <param name="rule">The rule to apply.</param>
    /// <param name="asOf">The day to judge.</param>
    /// <param name="cancellationToken">Stops the calculation.</param>
    /// <param name="explain">Whether to write the explanation sentences (one more store call for the names).</param>
    public async Task<IReadOnlyDictionary<string, Exposure>> CalculateManyAsync(
        IReadOnlyCollection<string> partyIds, OwnershipRule rule, DateOnly asOf, CancellationToken cancellationToken, bool explain = true)
    {
        var known = (await store.GetPartiesAsync([.. partyIds.Distinct(StringComparer.Ordinal)], cancellationToken)).Select(p => p.Id).ToList();
        return await CalculateKnownAsync(known, rule, asOf, explain, cancellationToken);
    }

    /// <summary>The verdicts for parties the caller knows the store holds (it has just read them), without reading them again.</summary>
    internal async Task<IReadOnlyDictionary<string, Exposure>> CalculateKnownAsync(
        IReadOnlyList<string> known, OwnershipRule rule, DateOnly asOf, bool explain, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Exposure>(StringComparer.Ordinal);
        if (known.Count == 0)
            return result;

        var neighbourhood = await GatherAsync(known, rule, asOf, cancellationToken);
        var blocked = Fixpoint(neighbourhood);

        foreach (var partyId in known)
        {
            var contributions = neighbourhood.IncomingOwnership(partyId)
                .Select(link => Contribution(link, blocked.Contains(link.SourceId)))
                .OrderByDescending(c => c.OwnerBlocked)
                .ThenByDescending(c => c.Percentage ?? -1)
                .ThenBy(c => c.OwnerId, StringComparer.Ordinal)
                .ToList();
            var sanctions = neighbourhood.ActiveSanctions(partyId);
            result[partyId] = new Exposure
            {
                PartyId = partyId,
                Rule = rule,
                AsOf = asOf,
                Blocked = blocked.Contains(partyId),
                DirectlySanctioned = sanctions.Count > 0,
                BlockedOwnershipPercent = Math.Round(contributions.Where(c => c.Counts).Sum(c => c.Percentage!.Value), 6),
                Contributions = contributions,
                Sanctions = sanctions,
                ControlFlags = [.. neighbourhood.Controls
                    .Where(link => link.TargetId == partyId && blocked.Contains(link.SourceId))
                    .Select(link => new ControlFlag(link.SourceId, link.Id, link.Role))],
                Truncated = neighbourhood.Truncated,
                Explanation = "",
            };
        }

        if (!explain)
            return result;

        var mentioned = result.Values
            .SelectMany(e => e.Contributions.Select(c => c.OwnerId).Concat(e.ControlFlags.Select(f => f.ControllerId)).Append(e.PartyId))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        mentioned = [.. mentioned.Concat(mentioned.SelectMany(id => BlockingOwners(neighbourhood, blocked, id)).Select(o => o.Owner)).Distinct(StringComparer.Ordinal)];
        var names = (await store.GetPartiesAsync(mentioned, cancellationToken)).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        foreach (var (id, exposure) in result.ToList())
            result[id] = exposure with { Explanation = Explain(exposure, neighbourhood, blocked, names) };
        return result;
    }

    /// <summary>The certain part of a stake: the exact number, or the minimum of a range; null when unknown.</summary>
    public static double? CountedPercentage(OwnershipShare? share) => share?.Minimum;

    private static OwnershipContribution Contribution(Link link, bool ownerBlocked) =>
        new(link.SourceId, link.Id, CountedPercentage(link.Share), link.Share?.Text, ownerBlocked) { IsRange = link.Share?.IsRange == true };

    /// <summary>Collects the ownership graph above the parties level by level, a few batched store calls per level.</summary>
    private async Task<Neighbourhood> GatherAsync(IReadOnlyList<string> partyIds, OwnershipRule rule, DateOnly asOf, CancellationToken cancellationToken)
    {
        var result = new Neighbourhood();
        var seen = new HashSet<string>(partyIds, StringComparer.Ordinal);
        List<string> frontier = [.. partyIds];

        if (rule == OwnershipRule.Eu)
        {
            var controls = await store.ExpandAsync(new LinkExpansion(partyIds, ControlsKind, LinkDirection.Incoming, asOf, asOf, LimitFor(partyIds.Count)), cancellationToken);
            result.Controls.AddRange(controls.Where(l => l.Kind == LinkKind.Controls && seen.Contains(l.TargetId) && l.IsActiveOn(asOf)));
            foreach (var controller in result.Controls.Select(l => l.SourceId).Where(seen.Add))
                frontier.Add(controller);
        }

        for (var depth = 0; frontier.Count > 0; depth++)
        {
            await AddSanctionsAsync(result, frontier, asOf, cancellationToken);

            var owns = await store.ExpandAsync(new LinkExpansion(frontier, OwnsKind, LinkDirection.Incoming, asOf, asOf, LimitFor(frontier.Count)), cancellationToken);
            if (owns.Count >= LimitFor(frontier.Count))
                result.Truncated = true;
            var frontierSet = frontier.ToHashSet(StringComparer.Ordinal);
            List<string> next = [];
            foreach (var link in owns)
            {
                if (link.Kind != LinkKind.Owns || !frontierSet.Contains(link.TargetId) || !link.IsActiveOn(asOf))
                    continue;
                if (depth >= MaxDepth)
                {
                    if (!seen.Contains(link.SourceId))
                        result.Truncated = true;
                    continue;
                }

                result.AddOwnership(link);
                if (seen.Add(link.SourceId))
                    next.Add(link.SourceId);
            }

            frontier = next;
        }

        return result;
    }

    private async Task AddSanctionsAsync(Neighbourhood result, List<string> nodes, DateOnly asOf, CancellationToken cancellationToken)
    {
        var links = await store.ExpandAsync(new LinkExpansion(nodes, SanctionedByKind, LinkDirection.Outgoing, Limit: LimitFor(nodes.Count)), cancellationToken);
        if (links.Count >= LimitFor(nodes.Count))
            result.Truncated = true;
        var bySanction = links.Where(l => l.Kind == LinkKind.SanctionedBy).ToLookup(l => l.TargetId, l => l.SourceId, StringComparer.Ordinal);
        if (bySanction.Count == 0)
            return;
        var sanctions = await store.GetSanctionsAsync([.. bySanction.Select(g => g.Key)], cancellationToken);
        foreach (var sanction in sanctions)
        {
            foreach (var party in bySanction[sanction.Id].Distinct())
                result.AddSanction(party, sanction, sanction.IsActiveOn(asOf));
        }
    }

    /// <summary>The least fixpoint: start from the directly sanctioned and grow until nothing changes.</summary>
    private static HashSet<string> Fixpoint(Neighbourhood neighbourhood)
    {
        var blocked = neighbourhood.DirectlySanctioned.ToHashSet(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (asset, links) in neighbourhood.OwnershipByAsset)
            {
                if (blocked.Contains(asset))
                    continue;
                var held = links.Where(l => blocked.Contains(l.SourceId)).Sum(l => CountedPercentage(l.Share) ?? 0);
                if (held >= Threshold - Tolerance)
                    changed |= blocked.Add(asset);
            }
        }
        while (changed);
        return blocked;
    }

    private static string Explain(Exposure exposure, Neighbourhood neighbourhood, HashSet<string> blocked, IReadOnlyDictionary<string, string> names)
    {
        string Name(string id) => names.TryGetValue(id, out var name) ? name : id;
        string Describe(string id)
        {
            var sanctions = neighbourhood.ActiveSanctions(id);
            if (sanctions.Count > 0)
                return $"{Name(id)} (sanctioned by {string.Join("; ", sanctions.Select(Cite))})";
            if (!blocked.Contains(id))
                return Name(id);
            var owners = BlockingOwners(neighbourhood, blocked, id).Select(o => $"{Name(o.Owner)} holds {Prose.Percent(o.Percent)}");
            return $"{Name(id)} (blocked by ownership: {Join(owners)})";
        }

        var ruleName = exposure.Rule == OwnershipRule.Ofac ? "the OFAC 50% rule" : "the EU 50% rule";
        var day = exposure.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var party = Name(exposure.PartyId);
        var text = new StringBuilder();

        var counted = exposure.Contributions.Where(c => c.Counts)
            .GroupBy(c => c.OwnerId, StringComparer.Ordinal)
            .Select(g => (Owner: g.Key, Percent: g.Sum(c => c.Percentage!.Value), Range: g.Any(c => c.IsRange)))
            .ToList();
        var holdings = Join(counted.Select(c => $"{Describe(c.Owner)} holds {(c.Range ? "at least " : "")}{Prose.Percent(c.Percent)}"));
        var total = Prose.Percent(exposure.BlockedOwnershipPercent);

        if (exposure.DirectlySanctioned)
        {
            text.Append(CultureInfo.InvariantCulture, $"{party} is blocked under {ruleName} as of {day}: it is directly sanctioned by {string.Join("; ", exposure.Sanctions.Select(Cite))}.");
            if (counted.Count > 0)
                text.Append(CultureInfo.InvariantCulture, $" Blocked owners also hold {total}: {holdings}.");
        }
        else if (exposure.Blocked)
        {
            text.Append(CultureInfo.InvariantCulture, $"{party} is blocked under {ruleName} as of {day}: {holdings}");
            text.Append(counted.Count > 1 ? $", together {total} ≥ 50%." : $", which is ≥ 50%.");
        }
        else if (counted.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{party} is not blocked under {ruleName} as of {day}: {holdings}");
            text.Append(counted.Count > 1 ? $", together {total} < 50%." : ", which is < 50%.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{party} is not blocked under {ruleName} as of {day}: it is not sanctioned and no blocked owner holds a stake in it.");
        }

        var unknown = exposure.Contributions.Where(c => c.Percentage is null).ToList();
        if (unknown.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Stakes of unknown size, not counted: {Join(unknown.Select(c => $"{Describe(c.OwnerId)} holds {(c.PercentageText is null ? "an unstated stake" : $"\"{c.PercentageText}\"")}"))}.");
        }

        if (exposure.ControlFlags.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Control red flag (not a block): {Join(exposure.ControlFlags.Select(f => $"{Describe(f.ControllerId)} controls it{(f.ControlType is null ? "" : $" ({f.ControlType})")}"))}.");
        }

        if (exposure.Truncated)
            text.Append(" Ownership was not followed to its end (depth or size bound reached); owners beyond it were not checked.");
        return text.ToString();
    }

    /// <summary>The blocked owners whose known stakes count in a party, with their summed stakes.</summary>
    private static IEnumerable<(string Owner, double Percent)> BlockingOwners(Neighbourhood neighbourhood, HashSet<string> blocked, string id) =>
        neighbourhood.IncomingOwnership(id)
            .Where(l => blocked.Contains(l.SourceId) && CountedPercentage(l.Share) is not null)
            .GroupBy(l => l.SourceId, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(l => CountedPercentage(l.Share)!.Value)));

    private static string Cite(Sanction sanction) => Prose.Cite(sanction);

    private static string Join(IEnumerable<string> parts) => Prose.Join(parts);
}
