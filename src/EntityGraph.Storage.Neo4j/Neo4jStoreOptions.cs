namespace EntityGraph.Storage.Neo4j;

/// <summary>
/// Where the Neo4j server is and how to sign in (section <c>EntityGraph:Neo4j</c>; environment
/// <c>ENTITYGRAPH_NEO4J_URI</c>, <c>ENTITYGRAPH_NEO4J_DATABASE</c>, <c>ENTITYGRAPH_NEO4J_USER</c>,
/// <c>ENTITYGRAPH_NEO4J_PASSWORD</c>, <c>ENTITYGRAPH_NEO4J_TOKEN</c>).
/// </summary>
public sealed class Neo4jStoreOptions
{
    public const string Section = "EntityGraph:Neo4j";

    /// <summary>The HTTP(S) base address of the server, e.g. <c>http://127.0.0.1:7474</c>.</summary>
    public Uri? Uri { get; set; }

    public string Database { get; set; } = "neo4j";

    /// <summary>Basic auth user; used with <see cref="Password"/> when no <see cref="Token"/> is set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>A bearer token (SSO) as the identity provider issued it; sent base64-encoded, as documented. Takes precedence over user and password.</summary>
    public string? Token { get; set; }

    /// <summary>How long one HTTP request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The total time spent retrying a transient failure before giving up.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long initializing waits for the indexes to be online, looking every second; a database still
    /// populating them after that is served as not ready, and the wait is taken up again.
    /// </summary>
    public TimeSpan IndexWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the index wait looks at the indexes' states.</summary>
    internal TimeSpan IndexPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
