using System.Net;

namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>Neo4j refused or failed a request; <see cref="Code"/> is Neo4j's status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>.</summary>
public class Neo4jException : Exception
{
    /// <summary>Creates the exception for a failure Neo4j reported with <paramref name="code"/>.</summary>
    public Neo4jException(string code, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>Neo4j's status code, or <c>Http.{status}</c> when the response carried none.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }
}
