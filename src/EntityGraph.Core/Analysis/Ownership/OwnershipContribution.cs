namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>One ownership stake held in the party under examination.</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="OwnershipId">The id of the link (the FtM Ownership), to cite it.</param>
/// <param name="Percentage">The certain part of the stake in percent (the minimum of a range); null when unknown.</param>
/// <param name="PercentageText">The stake as the source wrote it.</param>
/// <param name="OwnerBlocked">Whether the owner is blocked under the rule.</param>
public sealed record OwnershipContribution(string OwnerId, string OwnershipId, double? Percentage, string? PercentageText, bool OwnerBlocked)
{
    /// <summary>Whether the source gives a range, of which only the minimum is counted.</summary>
    public bool IsRange { get; init; }

    /// <summary>Whether the stake counts towards the blocked total (a blocked owner and a known percentage).</summary>
    public bool Counts => OwnerBlocked && Percentage is not null;
}
