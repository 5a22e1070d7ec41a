namespace EntityGraph.Ingest.Import.Internal;

/// <summary>A line refused by validation or by the store, with every reason.</summary>
internal sealed record RejectedLine(long Line, IReadOnlyList<string> Reasons, ReadOnlyMemory<byte> Original);
