namespace EntityGraph.Storage.Neo4j.QueryApi.Internal;

/// <summary>What the client keeps of one successful response.</summary>
/// <param name="Result">Fields, rows and bookmarks (empty when the response had no data).</param>
/// <param name="TransactionId">The id of the explicit transaction a begin request opened.</param>
/// <param name="ClusterAffinity">The <c>neo4j-cluster-affinity</c> header, to be sent back within the transaction.</param>
internal sealed record QueryApiResponse(QueryResult Result, string? TransactionId, string? ClusterAffinity);
