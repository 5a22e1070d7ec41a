using EntityGraph.Core.Storage;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQL.Validation.Errors.Custom;
using GraphQLParser.Exceptions;

namespace EntityGraph.Server.GraphQL.Errors;

/// <summary>
/// Shapes errors for clients: limits (including a document nested too deeply for the parser) become <c>LIMIT_EXCEEDED</c>, an unreachable store <c>STORE_UNAVAILABLE</c>, values that do not fit an
/// argument become <c>BAD_USER_INPUT</c>, and unexpected exceptions become "Internal error" with a
/// correlation id — their type, message and stack trace stay in the log unless in Development.
/// </summary>
internal sealed class EntityGraphErrorInfoProvider(bool exposeDetails, int maxDepth) : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = exposeDetails })
{
    /// <summary>The key under which the unhandled-exception handler leaves the correlation id on the exception.</summary>
    public const string CorrelationIdKey = "EntityGraph.CorrelationId";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        // The store being down is not a fault of the server: say so plainly, so clients know to try again later.
        if (executionError is UnhandledError { InnerException: StoreUnavailableException unavailable })
        {
            return new ErrorInfo
            {
                Message = unavailable.Message,
                Extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.StoreUnavailable, ["correlationId"] = unavailable.Data[CorrelationIdKey] as string },
            };
        }

        // The parser stops before the depth limit can be checked; to the client it is the same limit.
        if (executionError is UnhandledError { InnerException: GraphQLMaxDepthExceededException })
        {
            return new ErrorInfo
            {
                Message = $"The query is nested too deeply to read; the most fields a query may nest is {maxDepth}.",
                Extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.LimitExceeded },
            };
        }

        if (executionError is UnhandledError unhandled)
        {
            var correlationId = unhandled.InnerException?.Data[CorrelationIdKey] as string;
            var extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.Internal, ["correlationId"] = correlationId };
            if (!exposeDetails)
                return new ErrorInfo { Message = "Internal error", Extensions = extensions };
            var detailed = base.GetInfo(executionError);
            foreach (var (key, value) in detailed.Extensions ?? new Dictionary<string, object?>())
                extensions.TryAdd(key, value);
            return new ErrorInfo { Message = unhandled.InnerException?.Message ?? detailed.Message, Extensions = extensions };
        }

        var info = base.GetInfo(executionError);
        var code = executionError switch
        {
            ComplexityError => ErrorCodes.LimitExceeded,
            ArgumentsOfCorrectTypeError or InvalidVariableError => ErrorCodes.BadUserInput,
            _ => null,
        };
        if (code is null)
            return info;
        var replaced = new Dictionary<string, object?>(info.Extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return new ErrorInfo { Message = info.Message, Extensions = replaced };
    }
}
