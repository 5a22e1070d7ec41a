using System.Net;

namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>Neo4j did not accept the configured credentials (HTTP 401, <c>Neo.ClientError.Security.Unauthorized</c>).</summary>
public sealed class Neo4jAuthenticationException : Neo4jClientException
{
    /// <summary>Creates the exception for a refused sign-in.</summary>
    public Neo4jAuthenticationException(string code, string message, HttpStatusCode? statusCode = null)
        : base(code, message, statusCode)
    {
    }
}
