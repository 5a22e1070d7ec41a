namespace EntityGraph.Core.Model;

/// <summary>A sanctions designation of one or more parties.</summary>
public sealed record Sanction
{
    public required string Id { get; init; }

    /// <summary>The sanctioned parties (FtM <c>Sanction.entity</c>).</summary>
    public IReadOnlyList<string> EntityIds { get; init; } = [];

    public string? Authority { get; init; }

    public string? Program { get; init; }

    public string? Reason { get; init; }

    public PartialDate? ListingDate { get; init; }

    public PartialDate? StartDate { get; init; }

    public PartialDate? EndDate { get; init; }

    public string? Status { get; init; }

    public IReadOnlyList<string> Countries { get; init; } = [];

    public required Provenance Provenance { get; init; }

    /// <summary>
    /// A sanction is active on a day when it has started (no start date, or one on or before that day)
    /// and has not ended (no end date, or an end date that day or later); partial dates count from their
    /// first day and until their last. Every rule that asks whether a sanction is in force asks this.
    /// </summary>
    public bool IsActiveOn(DateOnly day) =>
        (EndDate is not { } end || end.Latest >= day) && (StartDate is not { } start || start.Earliest <= day);
}
