namespace EntityGraph.Server.GraphQL.Shipments;

/// <summary>Where a page ends, and whether another follows.</summary>
public sealed record PageInfo(bool HasNextPage, string? EndCursor);
