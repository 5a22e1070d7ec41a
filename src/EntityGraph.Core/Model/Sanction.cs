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
    /// A sanction is active on a day when it has no end date or its end date is that day or later
    /// (a partial end date counts until its last day).
    /// </summary>
    public bool IsActiveOn(DateOnly day) => EndDate is not { } end || end.Latest >= day;
}
