using System.Net;

namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>The configured database does not exist on the server (HTTP 404, <c>Neo.ClientError.Database.DatabaseNotFound</c>).</summary>
public sealed class Neo4jDatabaseNotFoundException : Neo4jClientException
{
    /// <summary>Creates the exception for a missing database.</summary>
    public Neo4jDatabaseNotFoundException(string code, string message, HttpStatusCode? statusCode = null)
        : base(code, message, statusCode)
    {
    }
}
