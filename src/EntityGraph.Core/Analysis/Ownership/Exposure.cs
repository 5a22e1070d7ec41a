using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>The verdict of an ownership rule for one party on one day, with what it rests on.</summary>
public sealed record Exposure
{
    public required string PartyId { get; init; }

    public required OwnershipRule Rule { get; init; }

    public required DateOnly AsOf { get; init; }

    public required bool Blocked { get; init; }

    /// <summary>Whether an active sanction names the party itself.</summary>
    public required bool DirectlySanctioned { get; init; }

    /// <summary>The sum of the known stakes held in the party by blocked owners, in percent.</summary>
    public required double BlockedOwnershipPercent { get; init; }

    /// <summary>Every active stake held in the party, blocked owners first.</summary>
    public required IReadOnlyList<OwnershipContribution> Contributions { get; init; }

    /// <summary>The party's own sanctions that are active on <see cref="AsOf"/>.</summary>
    public required IReadOnlyList<Sanction> Sanctions { get; init; }

    /// <summary>Blocked controllers of the party (reported under the EU rule only).</summary>
    public IReadOnlyList<ControlFlag> ControlFlags { get; init; } = [];

    /// <summary>Whether ownership was not followed to its end because of the depth bound.</summary>
    public bool Truncated { get; init; }

    /// <summary>A sentence an investigator can quote.</summary>
    public required string Explanation { get; init; }
}
