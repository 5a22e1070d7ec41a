namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>
/// Talks to Neo4j through its HTTP Query API (<c>/db/{db}/query/v2</c>) with typed JSON.
/// </summary>
public sealed class QueryApiClient : IQueryRunner, IDisposable
{
    private readonly Neo4jStoreOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client for the server in <paramref name="options"/>; without <paramref name="httpClient"/> it owns one.</summary>
    public QueryApiClient(Neo4jStoreOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
    }

    /// <inheritdoc />
    public Task<QueryResult> ReadAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"The Query API client for {_options.Uri} is not ready yet.");

    /// <inheritdoc />
    public Task<T> WriteAsync<T>(Func<IQueryTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"The Query API client for {_options.Uri} is not ready yet.");

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
