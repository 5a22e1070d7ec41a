namespace EntityGraph.Server.Http;

/// <summary>Why an HTTP request could not become a GraphQL request.</summary>
internal sealed record RequestProblem(int StatusCode, string Message, string Code);
