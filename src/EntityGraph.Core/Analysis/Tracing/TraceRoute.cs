using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>The chains that pass through the same parties in the same order.</summary>
/// <param name="PartyIds">In trace order: the start first, the party where the route ends last.</param>
/// <param name="Hops">One per consecutive pair of <paramref name="PartyIds"/>, in the same order.</param>
/// <param name="EndUserId">Downstream the last party; upstream the start.</param>
/// <param name="Restriction">Why the end user is restricted; null upstream from a party that is not.</param>
/// <param name="TotalValueUsd">The value of the distinct shipments of the route, or null when none has one.</param>
/// <param name="FirstDate">The earliest date of the route's shipments.</param>
/// <param name="LastDate">The date of the route's shipments that may fall latest.</param>
/// <param name="Score">Higher is more worth an investigator's attention.</param>
/// <param name="Reasons">What the score is made of, one sentence each.</param>
public sealed record TraceRoute(
    IReadOnlyList<string> PartyIds,
    IReadOnlyList<TraceHop> Hops,
    string EndUserId,
    Restriction? Restriction,
    double? TotalValueUsd,
    PartialDate? FirstDate,
    PartialDate? LastDate,
    double Score,
    IReadOnlyList<string> Reasons);
