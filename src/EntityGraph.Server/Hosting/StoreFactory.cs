using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j;
using EntityGraph.Storage.Sqlite;

namespace EntityGraph.Server.Hosting;

/// <summary>Opens the store the configuration names, for the server and the commands alike.</summary>
public static class StoreFactory
{
    /// <summary>The Neo4j settings (<c>EntityGraph:Neo4j</c>), or an error saying which one is missing.</summary>
    public static Neo4jStoreOptions Neo4jOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(Neo4jStoreOptions.Section).Get<Neo4jStoreOptions>() ?? new Neo4jStoreOptions();
        return Validated(options);
    }

    /// <summary>Checks that a Neo4j server is named and can be signed in to.</summary>
    public static Neo4jStoreOptions Validated(Neo4jStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Uri is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                "The store is neo4j but no Neo4j server is named: set ENTITYGRAPH_NEO4J_URI (or EntityGraph__Neo4j__Uri) to the server's HTTP address, e.g. http://127.0.0.1:7474.");
        }

        if (string.IsNullOrWhiteSpace(options.Database))
            throw new InvalidOperationException("ENTITYGRAPH_NEO4J_DATABASE (EntityGraph:Neo4j:Database) is empty; leave it unset for the default database 'neo4j'.");
        if (string.IsNullOrEmpty(options.Token) && (string.IsNullOrEmpty(options.User) || string.IsNullOrEmpty(options.Password)))
        {
            throw new InvalidOperationException(
                "The store is neo4j but no credentials are set: set ENTITYGRAPH_NEO4J_USER and ENTITYGRAPH_NEO4J_PASSWORD, or ENTITYGRAPH_NEO4J_TOKEN.");
        }

        return options;
    }

    /// <summary>A store of <paramref name="kind"/>: the SQLite file at <paramref name="sqlitePath"/>, or the Neo4j server of the configuration.</summary>
    public static IGraphStore Open(StoreKind kind, IConfiguration configuration, string sqlitePath) => kind switch
    {
        StoreKind.Neo4j => Neo4jGraphStore.Open(Neo4jOptions(configuration)),
        _ => new SqliteGraphStore(new SqliteStoreOptions { Path = Path.GetFullPath(sqlitePath) }),
    };
}
