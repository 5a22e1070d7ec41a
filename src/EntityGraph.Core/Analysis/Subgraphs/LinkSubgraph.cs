using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Subgraphs;

/// <summary>The nodes within some links of a set of nodes, and the links between them.</summary>
/// <param name="NodeIds">The nodes, the start nodes first, then each hop's in the order their links came.</param>
/// <param name="Links">The links, by hop; both ends of each are among <see cref="NodeIds"/>.</param>
/// <param name="Entities">The entities the store holds among the nodes, by id.</param>
/// <param name="Truncated">True when the limit cut the subgraph: more nodes or links were reachable within the depth.</param>
public sealed record LinkSubgraph(IReadOnlyList<string> NodeIds, IReadOnlyList<Link> Links, IReadOnlyDictionary<string, FtmEntity> Entities, bool Truncated);
