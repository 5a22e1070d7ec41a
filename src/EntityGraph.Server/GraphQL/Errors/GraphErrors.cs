using GraphQL;

namespace EntityGraph.Server.GraphQL.Errors;

/// <summary>Builds the GraphQL errors resolvers throw; GraphQL.NET reports an <see cref="ExecutionError"/> as given.</summary>
internal static class GraphErrors
{
    public static ExecutionError BadUserInput(string message) => new(message) { Code = ErrorCodes.BadUserInput };

    public static ExecutionError LimitExceeded(string message) => new(message) { Code = ErrorCodes.LimitExceeded };

    public static ExecutionError NotFound(string message) => new(message) { Code = ErrorCodes.NotFound };
}
