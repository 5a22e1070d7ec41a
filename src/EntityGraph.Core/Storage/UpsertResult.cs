namespace EntityGraph.Core.Storage;

/// <summary>What a store did with a batch: how many entities it wrote, and which it refused and why.</summary>
public sealed record UpsertResult(int Written, IReadOnlyList<EntityRejection> Rejected)
{
    public static readonly UpsertResult Empty = new(0, []);
}
