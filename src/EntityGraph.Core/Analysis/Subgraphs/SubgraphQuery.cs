using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Subgraphs;

/// <summary>What to draw around a set of nodes.</summary>
/// <param name="StartIds">The nodes to start from; ids the store does not hold are left out.</param>
/// <param name="Depth">How many links away from the start nodes to go.</param>
/// <param name="Kinds">Only follow these kinds of link; all when null.</param>
/// <param name="Limit">The most nodes, and the most links, to keep.</param>
public sealed record SubgraphQuery(IReadOnlyList<string> StartIds, int Depth, IReadOnlyCollection<LinkKind>? Kinds, int Limit);
