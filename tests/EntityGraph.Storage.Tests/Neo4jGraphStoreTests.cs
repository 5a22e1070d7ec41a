using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j;

namespace EntityGraph.Storage.Tests;

/// <summary>
/// The contract, run against the Neo4j server named by <c>ENTITYGRAPH_NEO4J_URI</c> (with
/// <c>ENTITYGRAPH_NEO4J_USER</c>/<c>ENTITYGRAPH_NEO4J_PASSWORD</c> or <c>ENTITYGRAPH_NEO4J_TOKEN</c>, and
/// optionally <c>ENTITYGRAPH_NEO4J_DATABASE</c>). Every test empties that database first: point it at a
/// server kept for tests. Without a server every test is reported as skipped, with the reason.
/// </summary>
public sealed class Neo4jGraphStoreTests : GraphStoreContract
{
    public const string UriVariable = "ENTITYGRAPH_NEO4J_URI";

    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        var options = ServerOptions();
        if (options is null)
            Assert.Skip($"No Neo4j server to run the store contract against: set {UriVariable} (e.g. http://127.0.0.1:7474) and ENTITYGRAPH_NEO4J_USER/ENTITYGRAPH_NEO4J_PASSWORD.");

        var store = Neo4jGraphStore.Open(options);
        await store.DeleteEverythingAsync(Ct);
        return store;
    }

    /// <summary>The server from the environment, or null when none is configured.</summary>
    private static Neo4jStoreOptions? ServerOptions()
    {
        var uri = Environment.GetEnvironmentVariable(UriVariable);
        if (string.IsNullOrWhiteSpace(uri))
            return null;
        var options = new Neo4jStoreOptions
        {
            Uri = new Uri(uri),
            User = Environment.GetEnvironmentVariable("ENTITYGRAPH_NEO4J_USER"),
            Password = Environment.GetEnvironmentVariable("ENTITYGRAPH_NEO4J_PASSWORD"),
            Token = Environment.GetEnvironmentVariable("ENTITYGRAPH_NEO4J_TOKEN"),
        };
        if (Environment.GetEnvironmentVariable("ENTITYGRAPH_NEO4J_DATABASE") is { Length: > 0 } database)
            options.Database = database;
        return options;
    }
}
