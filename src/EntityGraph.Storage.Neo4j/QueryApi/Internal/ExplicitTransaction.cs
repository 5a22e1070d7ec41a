namespace EntityGraph.Storage.Neo4j.QueryApi.Internal;

/// <summary>
/// One open transaction under <c>/query/v2/tx/{id}</c>. Every request after the begin carries the
/// cluster-affinity header the begin returned, so that a load balancer routes it to the member that
/// holds the transaction. Statements run one at a time, as Neo4j requires within a transaction.
/// </summary>
internal sealed class ExplicitTransaction(QueryApiClient client, string id, string? affinity) : IQueryTransaction
{
    private bool _completed;
    private int _running;

    public string Id { get; } = id;

    public string? Affinity { get; } = affinity;

    public async Task<QueryResult> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("A Neo4j transaction runs one statement at a time; await each RunAsync before the next.");
        }

        try
        {
            var response = await client.SendStatementAsync(client.TransactionPath(Id), statement, parameters, readOnly: false, bookmarks: null, Affinity, cancellationToken);
            return response.Result;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public async Task<QueryResult> CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        var response = await client.SendAsync(HttpMethod.Post, client.TransactionPath(Id) + "/commit", body: null, Affinity, cancellationToken);
        return response.Result;
    }

    /// <summary>
    /// Rolls back without letting a failure hide the error that caused it. It runs even when the caller
    /// has cancelled, bounded by the request timeout, so the server does not hold locks until the
    /// transaction expires.
    /// </summary>
    public async Task RollbackQuietlyAsync()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        try
        {
            await client.SendAsync(HttpMethod.Delete, client.TransactionPath(Id), body: null, Affinity, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or Neo4jException or TimeoutException)
        {
            // The server rolls back a failed transaction itself and forgets it, so a missing transaction here is expected.
        }
    }
}
