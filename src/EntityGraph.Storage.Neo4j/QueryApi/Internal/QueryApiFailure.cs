using System.Globalization;
using System.Net;
using System.Text;

namespace EntityGraph.Storage.Neo4j.QueryApi.Internal;

/// <summary>
/// What a refused request means. The error code in the body decides, as in Neo4j's own Query API
/// clients, because since 2025.11 the HTTP status follows the GQL status of the error (a deadlock or a
/// terminated transaction may come as 503); the status decides only when the body carries no code.
/// </summary>
internal static class QueryApiFailure
{
    public const string DatabaseUnavailable = "Neo.TransientError.General.DatabaseUnavailable";

    /// <summary>The documented answer to a request for a transaction the server no longer holds.</summary>
    public const string RequestInvalid = "Neo.ClientError.Request.Invalid";

    /// <summary>The code of the same answer in releases before the documented one.</summary>
    public const string TransactionNotFound = "Neo.ClientError.Transaction.TransactionNotFound";

    /// <summary>
    /// The exception for a refused request: an <see cref="HttpRequestException"/> when the server is
    /// unavailable (retried, counted by the circuit breaker), else a <see cref="Neo4jException"/> by code.
    /// </summary>
    public static Exception For(RefusedRequest refused)
    {
        var code = refused.Errors.Select(e => e.Code).FirstOrDefault(c => c.Length > 0);
        return code is null ? ByStatus(refused) : ByCode(refused, code);
    }

    private static Exception ByCode(RefusedRequest refused, string code)
    {
        if (code == DatabaseUnavailable)
        {
            return Unavailable(refused, code);
        }

        // A 401 is documented only for sign-in failures, including a header that is not base64 (Request.InvalidFormat).
        if (code.StartsWith("Neo.ClientError.Security.Unauthorized", StringComparison.Ordinal) || refused.Status == HttpStatusCode.Unauthorized)
        {
            return new Neo4jAuthenticationException(code, $"{refused.Server} did not accept the configured credentials: {refused.Detail}", refused.Status);
        }

        if (code == "Neo.ClientError.Database.DatabaseNotFound")
        {
            return DatabaseNotFound(refused, code);
        }

        if (IsTransactionGone(refused, code))
        {
            return new Neo4jClientException(
                code,
                $"{refused.Message} (the transaction is no longer open: it expired after being idle, server.queryapi.transaction_idle_timeout, or the request reached another cluster member)",
                refused.Status);
        }

        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
        {
            return new Neo4jTransientException(code, refused.Message, refused.Status);
        }

        return code.StartsWith("Neo.ClientError.", StringComparison.Ordinal)
            ? new Neo4jClientException(code, refused.Message, refused.Status)
            : new Neo4jException(code, refused.Message, refused.Status);
    }

    private static Exception ByStatus(RefusedRequest refused)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"Http.{(int)refused.Status}");
        return refused.Status switch
        {
            HttpStatusCode.ServiceUnavailable => Unavailable(refused, code),
            HttpStatusCode.Unauthorized => new Neo4jAuthenticationException(code, $"{refused.Server} did not accept the configured credentials: {refused.Detail}", refused.Status),
            HttpStatusCode.NotFound => DatabaseNotFound(refused, code),
            _ => new Neo4jException(code, refused.Message, refused.Status),
        };
    }

    private static HttpRequestException Unavailable(RefusedRequest refused, string code) =>
        new(refused.Message, new Neo4jException(code, refused.Message, refused.Status), refused.Status);

    private static Neo4jDatabaseNotFoundException DatabaseNotFound(RefusedRequest refused, string code) =>
        new(code, $"{refused.Server}: the database '{refused.Database}' does not exist (or the server has no Query API at /{refused.Path}): {refused.Detail}", refused.Status);

    private static bool IsTransactionGone(RefusedRequest refused, string code) =>
        code == TransactionNotFound
        || (code == RequestInvalid && refused.Path.Contains("/tx/", StringComparison.Ordinal)
            && refused.Errors.Any(e => e.Message.Contains("was not found", StringComparison.Ordinal)));
}

/// <summary>A response with an error status or errors in its body, and what is needed to describe it.</summary>
internal sealed record RefusedRequest(
    string Server,
    string Database,
    HttpMethod Method,
    string Path,
    HttpStatusCode Status,
    IReadOnlyList<(string Code, string Message)> Errors,
    byte[] Content)
{
    public string Detail => Errors.Count > 0
        ? string.Join("; ", Errors.Select(e => $"{e.Code}: {e.Message}"))
        : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)Status} {Status} {Snippet(Content)}").TrimEnd();

    public string Message => $"{Server} refused {Method} /{Path}: {Detail}";

    private static string Snippet(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 200)).ReplaceLineEndings(" ");
        return text.Length == 0 ? "" : $"({text})";
    }
}
