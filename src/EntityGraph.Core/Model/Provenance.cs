namespace EntityGraph.Core.Model;

/// <summary>Where a node or link comes from, so that an investigator can cite it.</summary>
/// <param name="Datasets">The datasets that contributed values, sorted.</param>
/// <param name="SourceId">The id of the source record (the FtM entity) the element was read from.</param>
/// <param name="FirstSeen">When any dataset first carried the record.</param>
/// <param name="LastSeen">When any dataset last carried the record.</param>
public sealed record Provenance(
    IReadOnlyList<string> Datasets,
    string SourceId,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen);
