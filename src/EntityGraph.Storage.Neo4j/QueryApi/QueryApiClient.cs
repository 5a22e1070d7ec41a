using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.QueryApi.Internal;
using Polly.CircuitBreaker;

namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>
/// Talks to Neo4j through its HTTP Query API (<c>POST /db/{db}/query/v2</c>, explicit transactions under
/// <c>/query/v2/tx</c>) in typed JSON. Reads run as auto-commit requests with <c>accessMode: "Read"</c>
/// after the bookmarks of the latest write; writes run as whole explicit transactions. Errors are read by
/// their code first. Transient Neo4j errors, connection failures and an unavailable database are retried with exponential back-off within
/// <see cref="Neo4jStoreOptions.RetryBudget"/>; when the server stays unreachable a circuit breaker makes
/// requests fail fast with <see cref="StoreUnavailableException"/>. Safe for concurrent use.
/// </summary>
public sealed class QueryApiClient : IQueryRunner, IDisposable
{
    /// <summary>Neo4j's typed JSON media type, used for both request and response bodies.</summary>
    public const string MediaType = "application/vnd.neo4j.query";

    /// <summary>The response header of a transaction's begin that every later request of that transaction sends back.</summary>
    public const string ClusterAffinityHeader = "neo4j-cluster-affinity";

    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    private readonly Neo4jStoreOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _baseUri;
    private readonly string _databasePath;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly QueryApiPipeline _pipeline;
    private readonly QueryApiResilienceOptions _resilience;
    private IReadOnlyList<string> _bookmarks = [];

    /// <summary>Creates a client for the server in <paramref name="options"/>; without <paramref name="httpClient"/> it creates and owns one.</summary>
    public QueryApiClient(Neo4jStoreOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, QueryApiResilienceOptions.Default)
    {
    }

    internal QueryApiClient(Neo4jStoreOptions options, HttpClient? httpClient, QueryApiResilienceOptions resilience)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resilience);
        if (options.Uri is null)
        {
            throw new ArgumentException("The Neo4j URI is not set (EntityGraph:Neo4j:Uri or ENTITYGRAPH_NEO4J_URI).", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Database))
        {
            throw new ArgumentException("The Neo4j database name is empty (EntityGraph:Neo4j:Database or ENTITYGRAPH_NEO4J_DATABASE).", nameof(options));
        }

        _options = options;
        _resilience = resilience;
        _ownsHttp = httpClient is null;
        // Our own per-request timeout applies, so an owned client has none of its own.
        // Pooled connections are renewed so that a cluster or Aura endpoint moving to new addresses is followed.
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        var text = options.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        _baseUri = new Uri(text.EndsWith('/') ? text : text + "/");
        _databasePath = $"db/{Uri.EscapeDataString(options.Database)}/query/v2";
        _authorization = Authorization(options);
        _pipeline = new QueryApiPipeline(options.RetryBudget, resilience);
        Description = $"Neo4j at {_baseUri.GetLeftPart(UriPartial.Authority)} (database {options.Database})";
    }

    /// <summary>Where this client points, without credentials, for logs and error messages.</summary>
    public string Description { get; }

    /// <summary>The bookmarks of the latest committed write; every later read waits until the server has applied them.</summary>
    public IReadOnlyList<string> Bookmarks => Volatile.Read(ref _bookmarks);

    /// <inheritdoc />
    public Task<QueryResult> ReadAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        ArgumentNullException.ThrowIfNull(parameters);
        return ExecuteAsync(
            async ct => (await SendStatementAsync(_databasePath, statement, parameters, readOnly: true, Bookmarks, affinity: null, ct)).Result,
            retry: true,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<T> WriteAsync<T>(Func<IQueryTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ExecuteAsync(ct => RunTransactionAsync(work, ct), retry: true, cancellationToken);
    }

    /// <summary>
    /// A cheap readiness probe: one <c>RETURN 1</c> read, not retried, failing fast while the circuit is
    /// open. False when the server cannot be reached, refuses the credentials or lacks the database.
    /// </summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(ct => SendStatementAsync(_databasePath, "RETURN 1", NoParameters, readOnly: true, bookmarks: null, affinity: null, ct), retry: false, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is StoreUnavailableException or Neo4jException or TimeoutException or HttpRequestException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal string TransactionPath(string id) => $"{_databasePath}/tx/{Uri.EscapeDataString(id)}";

    internal Task<QueryApiResponse> SendStatementAsync(
        string path,
        string statement,
        IReadOnlyDictionary<string, object?> parameters,
        bool readOnly,
        IReadOnlyList<string>? bookmarks,
        string? affinity,
        CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", statement);
            if (parameters.Count > 0)
            {
                writer.WritePropertyName("parameters");
                TypedJsonWriter.WriteParameters(writer, parameters);
            }

            if (readOnly)
            {
                writer.WriteString("accessMode", "Read");
            }

            WriteBookmarks(writer, bookmarks);
            writer.WriteEndObject();
        }

        return SendAsync(HttpMethod.Post, path, body.WrittenSpan.ToArray(), affinity, cancellationToken);
    }

    internal async Task<QueryApiResponse> SendAsync(HttpMethod method, string path, byte[]? body, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        request.Headers.Authorization = _authorization;
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(ClusterAffinityHeader, affinity);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var content = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return ReadResponse(method, path, response, content);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"{Description} did not answer {method} /{path} within {_options.RequestTimeout.TotalSeconds:0.###} s."),
                e);
        }
    }

    private async Task<T> RunTransactionAsync<T>(Func<IQueryTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // The begin carries the latest bookmarks, so a write starts after the previous one even on another cluster member.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteBookmarks(writer, Bookmarks);
            writer.WriteEndObject();
        }

        var begun = await SendAsync(HttpMethod.Post, _databasePath + "/tx", buffer.WrittenSpan.ToArray(), affinity: null, cancellationToken);
        var transaction = new ExplicitTransaction(
            this,
            begun.TransactionId ?? throw new Neo4jException("EntityGraph.QueryApi.BadResponse", $"{Description} opened a transaction without returning its id."),
            begun.ClusterAffinity);
        try
        {
            var result = await work(transaction, cancellationToken);
            var committed = await transaction.CommitAsync(cancellationToken);
            if (committed.Bookmarks.Count > 0)
            {
                Volatile.Write(ref _bookmarks, committed.Bookmarks);
            }

            return result;
        }
        catch
        {
            await transaction.RollbackQuietlyAsync();
            throw;
        }
    }

    private async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, bool retry, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(operation, retry, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new StoreUnavailableException(
                Description,
                string.Create(CultureInfo.InvariantCulture, $"it failed repeatedly, so requests fail fast for {_resilience.BreakerBreakDuration.TotalSeconds:0.###} s before it is tried again"),
                e);
        }
        catch (HttpRequestException e) when (QueryApiPipeline.IsUnavailable(e))
        {
            var cause = retry
                ? string.Create(CultureInfo.InvariantCulture, $"{e.Message} (still failing after retrying for up to {_options.RetryBudget.TotalSeconds:0.###} s)")
                : e.Message;
            throw new StoreUnavailableException(Description, cause, e);
        }
    }

    private QueryApiResponse ReadResponse(HttpMethod method, string path, HttpResponseMessage response, byte[] content)
    {
        var status = (int)response.StatusCode;
        JsonDocument? document = null;
        try
        {
            if (content.Length > 0)
            {
                try
                {
                    document = JsonDocument.Parse(content);
                }
                catch (JsonException) when (status >= 300)
                {
                    // A proxy's HTML error page: the status says enough.
                }
            }

            var root = document?.RootElement;
            var errors = root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Select(ReadError).ToList()
                : [];
            if (status >= 300 || errors.Count > 0)
            {
                throw QueryApiFailure.For(new RefusedRequest(Description, _options.Database, method, path, response.StatusCode, errors, content));
            }

            if (document is null && method == HttpMethod.Post)
            {
                throw new JsonException("the body is empty");
            }

            string? transactionId = null;
            if (root is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("transaction", out var transaction) && transaction.TryGetProperty("id", out var id))
            {
                transactionId = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
            }

            var affinity = response.Headers.TryGetValues(ClusterAffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return new QueryApiResponse(ReadResult(root), transactionId, affinity);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new Neo4jException(
                "EntityGraph.QueryApi.BadResponse",
                $"{Description} answered {method} /{path} with a body that is not a Query API response: {e.Message}",
                response.StatusCode,
                e);
        }
        finally
        {
            document?.Dispose();
        }
    }

    private static QueryResult ReadResult(JsonElement? root)
    {
        if (root is not { ValueKind: JsonValueKind.Object } body)
        {
            return new QueryResult([], [], []);
        }

        var fields = new List<string>();
        var rows = new List<IReadOnlyList<object?>>();
        if (body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("fields", out var f))
            {
                fields.AddRange(f.EnumerateArray().Select(x => x.GetString()!));
            }

            if (data.TryGetProperty("values", out var v))
            {
                rows.AddRange(v.EnumerateArray().Select(row => (IReadOnlyList<object?>)row.EnumerateArray().Select(TypedJsonReader.Read).ToList()));
            }
        }

        var bookmarks = body.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [];
        return new QueryResult(fields, rows, bookmarks);
    }

    private static (string Code, string Message) ReadError(JsonElement error) => (
        error.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "",
        error.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "");

    private static void WriteBookmarks(Utf8JsonWriter writer, IReadOnlyList<string>? bookmarks)
    {
        if (bookmarks is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartArray("bookmarks");
        foreach (var bookmark in bookmarks)
        {
            writer.WriteStringValue(bookmark);
        }

        writer.WriteEndArray();
    }

    private static AuthenticationHeaderValue? Authorization(Neo4jStoreOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token))
        {
            // Documented as `Bearer <base64(token)>`, which is what Neo4j's own Query API clients send.
            return new AuthenticationHeaderValue("Bearer", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Token)));
        }

        if (!string.IsNullOrEmpty(options.User))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
            return new AuthenticationHeaderValue("Basic", credentials);
        }

        return null;
    }
}
