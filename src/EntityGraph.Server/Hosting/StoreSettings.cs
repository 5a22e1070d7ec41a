namespace EntityGraph.Server.Hosting;

/// <summary>Which store the server and the commands run on (<c>EntityGraph:Store</c>).</summary>
public enum StoreKind
{
    /// <summary>The embedded default: one SQLite file.</summary>
    Sqlite,

    /// <summary>A Neo4j server, cluster or Aura, through its HTTP Query API.</summary>
    Neo4j,
}

/// <summary>
/// The store settings and their short environment names. Every setting is an ordinary configuration
/// key (<c>EntityGraph__Neo4j__Uri</c> works as usual); the short names below are what the README and
/// the compose file use, and they win over the long ones.
/// </summary>
public static class StoreSettings
{
    public const string StoreKey = "EntityGraph:Store";

    /// <summary>Short environment variable → the configuration key it sets.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentAliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ENTITYGRAPH_STORE"] = StoreKey,
        ["ENTITYGRAPH_NEO4J_URI"] = "EntityGraph:Neo4j:Uri",
        ["ENTITYGRAPH_NEO4J_DATABASE"] = "EntityGraph:Neo4j:Database",
        ["ENTITYGRAPH_NEO4J_USER"] = "EntityGraph:Neo4j:User",
        ["ENTITYGRAPH_NEO4J_PASSWORD"] = "EntityGraph:Neo4j:Password",
        ["ENTITYGRAPH_NEO4J_TOKEN"] = "EntityGraph:Neo4j:Token",
    };

    /// <summary>Reads <c>EntityGraph:Store</c>; a value other than sqlite or neo4j is an error naming it.</summary>
    public static StoreKind Kind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[StoreKey];
        return string.IsNullOrWhiteSpace(value)
            ? StoreKind.Sqlite
            : Parse(value) ?? throw new InvalidOperationException($"EntityGraph:Store (ENTITYGRAPH_STORE) is '{value}'; it must be 'sqlite' or 'neo4j'.");
    }

    /// <summary>sqlite or neo4j, in any case; null for anything else.</summary>
    public static StoreKind? Parse(string value) => value?.Trim().ToLowerInvariant() switch
    {
        "sqlite" => StoreKind.Sqlite,
        "neo4j" => StoreKind.Neo4j,
        _ => null,
    };
}

/// <summary>The store this server runs on, as configured at start.</summary>
public sealed record StoreSelection(StoreKind Kind);
