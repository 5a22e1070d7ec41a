using GraphQL;

namespace EntityGraph.Server.Http;

/// <summary>The parameters of a GraphQL request, read from a GET query string or a POST JSON body.</summary>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
