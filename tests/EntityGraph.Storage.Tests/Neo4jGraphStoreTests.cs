using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Storage.Tests;

/// <summary>
/// The contract, run against the Neo4j server named by <c>ENTITYGRAPH_NEO4J_URI</c> (with
/// <c>ENTITYGRAPH_NEO4J_USER</c>/<c>ENTITYGRAPH_NEO4J_PASSWORD</c> or <c>ENTITYGRAPH_NEO4J_TOKEN</c>, and
/// optionally <c>ENTITYGRAPH_NEO4J_DATABASE</c>). Every test empties that database first: point it at a
/// server kept for tests. Without a server every test is reported as skipped, with the reason.
/// </summary>
public sealed class Neo4jGraphStoreTests : GraphStoreContract
{
    protected override async Task<IGraphStore> CreateStoreAsync() => await TestStores.EmptyNeo4jAsync(Ct);
}
