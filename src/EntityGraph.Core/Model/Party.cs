namespace EntityGraph.Core.Model;

/// <summary>A company, organization, person or party of unknown kind.</summary>
public sealed record Party
{
    public required string Id { get; init; }

    public required PartyKind Kind { get; init; }

    /// <summary>The FtM schema the party was given (e.g. <c>Company</c>, <c>PublicBody</c>).</summary>
    public required string Schema { get; init; }

    /// <summary>The display name: the first <c>name</c> value, or the id when there is none.</summary>
    public required string Name { get; init; }

    /// <summary>Further names (other <c>name</c> values, <c>alias</c>, <c>previousName</c>, <c>weakAlias</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>ISO-3166 alpha-2 codes, lower case: country, jurisdiction, nationality, citizenship.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>FtM topics, e.g. <c>sanction</c>, <c>export.control</c>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public PartialDate? IncorporationDate { get; init; }

    public required Provenance Provenance { get; init; }

    /// <summary>All FtM properties of the party, as merged across datasets.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}
