using System.Net;

namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>A <c>Neo.TransientError.*</c>: the same request may succeed if tried again.</summary>
public sealed class Neo4jTransientException : Neo4jException
{
    /// <summary>Creates the exception for a transient failure reported with <paramref name="code"/>.</summary>
    public Neo4jTransientException(string code, string message, HttpStatusCode? statusCode = null)
        : base(code, message, statusCode)
    {
    }

    /// <summary>
    /// Whether the client tries again. A transaction terminated by an administrator or by a stopped
    /// lock client was ended on purpose, so running it again would override that decision.
    /// </summary>
    public bool IsRetryable =>
        Code is not ("Neo.TransientError.Transaction.Terminated" or "Neo.TransientError.Transaction.LockClientStopped");
}
