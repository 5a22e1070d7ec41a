using EntityGraph.Storage.Neo4j.QueryApi;
using EntityGraph.Storage.Neo4j.QueryApi.Internal;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

/// <summary>Clients against the stub with millisecond back-off, so retry tests run quickly.</summary>
public static class TestClients
{
    internal static QueryApiResilienceOptions FastRetries { get; } = new()
    {
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        RetryJitter = 0,
        // High enough that only the circuit-breaker tests open the circuit.
        BreakerMinimumThroughput = 1000,
        BreakerBreakDuration = TimeSpan.FromMinutes(1),
    };

    public static Neo4jStoreOptions Options(Uri uri, Action<Neo4jStoreOptions>? configure = null)
    {
        var options = new Neo4jStoreOptions
        {
            Uri = uri,
            Database = "neo4j",
            User = "neo4j",
            Password = "verysecret",
            RequestTimeout = TimeSpan.FromSeconds(5),
            RetryBudget = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        return options;
    }

    public static QueryApiClient For(QueryApiStub stub, Action<Neo4jStoreOptions>? configure = null) =>
        new(Options(stub.Uri, configure), httpClient: null, FastRetries);

    internal static QueryApiClient For(QueryApiStub stub, QueryApiResilienceOptions resilience, Action<Neo4jStoreOptions>? configure = null) =>
        new(Options(stub.Uri, configure), httpClient: null, resilience);

    public static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();
}
