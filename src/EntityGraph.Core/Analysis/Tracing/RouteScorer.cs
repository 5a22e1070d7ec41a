using System.Globalization;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// The transparent score of one trace's routes: each part adds a few points and says why in a sentence.
/// Reasons are written only when asked for; routes are ranked by the points alone, many thousands at a time.
/// </summary>
/// <remarks>What each part weighs, and why: docs/tracing.md#the-score.</remarks>
/// <param name="graph">The trace's parties and shipments by number.</param>
/// <param name="parties">The parties read so far (null for one read but not found); read again when reasons are written.</param>
/// <param name="asOf">The day recency is measured from.</param>
internal sealed class RouteScorer(TraceGraph graph, IReadOnlyDictionary<int, Party?> parties, DateOnly asOf)
{
    private static readonly DateOnly Invasion = new(2022, 2, 24);

    /// <summary>
    /// The route's points. An intermediary not read yet counts as in a transshipment country, so that
    /// the points of a route whose parties are not all read are a bound on its score.
    /// </summary>
    public double Points(in RouteEvidence route) => Score(route, reasons: null);

    /// <summary>What the points of the route are made of, one sentence each.</summary>
    public IReadOnlyList<string> Reasons(in RouteEvidence route)
    {
        var reasons = new List<string>();
        Score(route, reasons);
        return reasons;
    }

    private double Score(in RouteEvidence route, List<string>? reasons)
    {
        var score = 0.0;
        score += RestrictionPoints(route, reasons);
        score += ValuePoints(route.Shipments, reasons);
        score += TierPoints(route.Shipments, reasons);
        score += TransshipmentPoints(route.Parties, reasons);
        score += RecencyPoints(route.Shipments, reasons);
        score += InvasionPoints(route.Shipments, reasons);
        score += HopPoints(route.Parties.Length - 1, reasons);
        return Math.Round(score, 3);
    }

    private double RestrictionPoints(in RouteEvidence route, List<string>? reasons)
    {
        if (route.Restriction is not { } restriction)
            return 0;
        reasons?.Add(restriction.Kind switch
        {
            RestrictionKind.Sanctioned => $"the end user {Name(route.EndUser)} is sanctioned ({string.Join(", ", restriction.SanctionIds)})",
            RestrictionKind.OwnershipBlocked => $"the end user {Name(route.EndUser)} is blocked by ownership: {string.Join(", ", restriction.Owners.Select(o => string.Create(CultureInfo.InvariantCulture, $"{Name(graph.Number(o.OwnerId))} holds {o.Percentage:0.####}%")))}",
            _ => $"the end user {Name(route.EndUser)} is on an export-control list",
        });
        return restriction.Kind switch
        {
            RestrictionKind.Sanctioned => 5.0,
            RestrictionKind.OwnershipBlocked => 4.0,
            _ => 3.0,
        };
    }

    private static double ValuePoints(in RouteFacts shipments, List<string>? reasons)
    {
        if (shipments.TotalValueUsd is not (> 0 and var value))
            return 0;
        var count = shipments.Shipments;
        reasons?.Add(string.Create(CultureInfo.InvariantCulture, $"{value:N0} USD of goods in {count} shipment{(count == 1 ? "" : "s")}"));
        return Math.Log10(1 + value) / 2;
    }

    private static double TierPoints(in RouteFacts shipments, List<string>? reasons)
    {
        if (shipments.BestTier is not { } best)
            return 0;
        reasons?.Add($"{shipments.ListedShipments} of {shipments.Shipments} shipments carry goods on the Common High Priority List, the highest in tier {ChplList.Label(best)}{(ChplList.IsCriticalComponent(best) ? " (critical components)" : "")}");
        return best switch
        {
            ChplTier.Tier1 => 3,
            ChplTier.Tier2 => 2.5,
            ChplTier.Tier3A or ChplTier.Tier3B => 1.5,
            _ => 1,
        };
    }

    private double TransshipmentPoints(int[] route, List<string>? reasons)
    {
        // Why an intermediary not read yet counts: docs/tracing.md#pruning-by-score-bound.
        var transshipment = false;
        for (var i = 1; i < route.Length - 1 && !transshipment; i++)
        {
            transshipment = parties.TryGetValue(route[i], out var party)
                ? party is not null && party.Countries.Any(Countries.IsTransshipmentPoint)
                : reasons is null;
        }

        if (!transshipment)
            return 0;
        if (reasons is not null)
        {
            var via = route[1..^1]
                .Select(number => (Number: number, Country: parties.GetValueOrDefault(number)?.Countries.FirstOrDefault(Countries.IsTransshipmentPoint)))
                .Where(p => p.Country is not null)
                .ToList();
            reasons.Add($"passes through {string.Join(" and ", via.Select(p => $"{Name(p.Number)} in {Countries.NameOf(p.Country!) ?? p.Country}"))}: {(via.Count == 1 ? "a known transshipment country" : "known transshipment countries")}");
        }

        return 1.5;
    }

    private double RecencyPoints(in RouteFacts shipments, List<string>? reasons)
    {
        if (shipments.LastRow < 0)
            return 0;
        var columns = graph.Columns;
        var years = (asOf.DayNumber - columns.Latest[shipments.LastRow]) / 365.25;
        var points = years switch { <= 1 => 1.5, <= 2 => 1.0, <= 4 => 0.5, _ => 0.0 };
        if (reasons is not null)
        {
            var day = columns.Dates[shipments.LastRow].ToString();
            reasons.Add(years < 0
                ? $"the latest shipment ({day}) is dated after the day of evaluation"
                : string.Create(CultureInfo.InvariantCulture, $"the latest shipment was on {day}, {years:0.#} years before {asOf:yyyy-MM-dd}{(points > 0 ? "" : ": too long ago to add weight")}"));
        }

        return points;
    }

    private double InvasionPoints(in RouteFacts shipments, List<string>? reasons)
    {
        if (shipments.LastRow < 0 || graph.Columns.Latest[shipments.LastRow] < Invasion.DayNumber)
            return 0;
        reasons?.Add("goods moved after 24 February 2022, when export restrictions on Russia were widened");
        return 1;
    }

    private static double HopPoints(int hopCount, List<string>? reasons)
    {
        reasons?.Add(hopCount == 1 ? "1 hop: a direct trade" : $"{hopCount} hops: each intermediary weakens the link");
        return -0.5 * (hopCount - 1);
    }

    private string Name(int number)
    {
        var id = graph.Id(number);
        return parties.GetValueOrDefault(number) is { } party && party.Name != id ? $"{party.Name} ({id})" : id;
    }
}
