namespace EntityGraph.Ingest.Import.Internal;

/// <summary>A unit refused by validation or by the store, with every reason; <paramref name="Entity"/> names the mapped entity the store refused.</summary>
internal sealed record RejectedLine(IRecordOrigin Origin, string? Entity, IReadOnlyList<string> Reasons);
