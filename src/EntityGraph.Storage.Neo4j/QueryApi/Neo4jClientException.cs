using System.Net;

namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>A <c>Neo.ClientError.*</c>: the request itself is wrong (syntax, constraint, parameters); sending it again will not help.</summary>
public class Neo4jClientException : Neo4jException
{
    /// <summary>Creates the exception for a client error reported with <paramref name="code"/>.</summary>
    public Neo4jClientException(string code, string message, HttpStatusCode? statusCode = null)
        : base(code, message, statusCode)
    {
    }
}
