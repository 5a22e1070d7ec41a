using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Graph;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>A beneficial owner with its ownership paths drawn as graph paths.</summary>
public sealed record BeneficialOwnerResult(string PersonId, double EffectivePercent, IReadOnlyList<GraphPath> Paths)
{
    /// <summary>The owner with each chain drawn from the entities on it.</summary>
    public static BeneficialOwnerResult From(BeneficialOwnerChains owner, IReadOnlyDictionary<string, FtmEntity> entities) => new(
        owner.PersonId,
        owner.EffectivePercent,
        [.. owner.Chains.Select(chain => new GraphPath(
            [.. chain.NodeIds.Select(id => GraphNode.Of(id, entities))],
            [.. chain.Links.Select(l => new GraphEdge(l, l.Share?.Text))]))]);
}
