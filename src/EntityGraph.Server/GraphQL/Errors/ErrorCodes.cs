namespace EntityGraph.Server.GraphQL.Errors;

/// <summary>The <c>extensions.code</c> values EntityGraph puts on its own GraphQL errors.</summary>
public static class ErrorCodes
{
    /// <summary>An argument is malformed or out of range: a bad cursor, an invalid partial date, an empty search.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>Something asked for by id does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A limit was exceeded: depth, complexity, page size, list size, body size, time.</summary>
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>An unexpected failure; the details are in the server log under the correlation id.</summary>
    public const string Internal = "INTERNAL";

    /// <summary>The HTTP request itself is malformed (not JSON, no query, wrong parameter types).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The server requires a bearer token and the request carried none, or a wrong one (HTTP 401).</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The store (e.g. a Neo4j server) cannot be reached right now; the request may succeed later.</summary>
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
}
