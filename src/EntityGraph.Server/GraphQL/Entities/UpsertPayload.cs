namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>What <c>upsertEntities</c> did with a batch.</summary>
public sealed record UpsertPayload(int Accepted, int Rejected, IReadOnlyList<EntityError> Errors);
