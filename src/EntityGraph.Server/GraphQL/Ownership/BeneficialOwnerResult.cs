using EntityGraph.Server.GraphQL.Graph;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>A beneficial owner with its ownership paths drawn as graph paths.</summary>
public sealed record BeneficialOwnerResult(string PersonId, double EffectivePercent, IReadOnlyList<GraphPath> Paths);
