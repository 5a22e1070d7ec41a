using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.Hosting;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.Http;

/// <summary>
/// The <c>/graphql</c> endpoint, following the GraphQL-over-HTTP spec: POST JSON or GET (queries
/// only; a mutation over GET is 405), answering in <c>application/graphql-response+json</c> when the
/// client accepts it and <c>application/json</c> otherwise. With graphql-response+json a request that
/// fails before execution (parse, validation, variables) is 400; once execution began it is 200.
/// With application/json every well-formed request is 200. Bodies over the limit are 413, and
/// execution is cancelled after the time limit with <c>LIMIT_EXCEEDED</c>.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<EntityGraphSchema> executer,
    IGraphQLTextSerializer serializer,
    GraphQLRequestReader reader,
    IOptions<LimitsOptions> limits,
    ILogger<GraphQLHttpEndpoint> logger)
{
    private const string AllowedMethods = "GET, POST";

    public async Task HandleAsync(HttpContext http)
    {
        var method = http.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method))
        {
            http.Response.Headers.Allow = AllowedMethods;
            await WriteProblemAsync(http, ResponseMediaType.Json, new RequestProblem(StatusCodes.Status405MethodNotAllowed, $"{method} is not supported; use POST, or GET for queries.", ErrorCodes.BadRequest));
            return;
        }

        var mediaType = ResponseMediaType.Negotiate(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteProblemAsync(http, ResponseMediaType.Json, new RequestProblem(StatusCodes.Status406NotAcceptable, $"None of the accepted media types can be produced; accept {ResponseMediaType.GraphQLResponse} or {ResponseMediaType.Json}.", ErrorCodes.BadRequest));
            return;
        }

        var (request, problem) = await reader.ReadAsync(http, limits.Value.MaxRequestBodyBytes);
        if (problem is not null || request is null)
        {
            await WriteProblemAsync(http, mediaType, problem!);
            return;
        }

        if (HttpMethods.IsGet(method) && IsMutation(request))
        {
            http.Response.Headers.Allow = "POST";
            await WriteProblemAsync(http, mediaType, new RequestProblem(StatusCodes.Status405MethodNotAllowed, "Mutations are not allowed over GET; use POST.", ErrorCodes.BadRequest));
            return;
        }

        var result = await ExecuteAsync(http, request);
        http.Response.StatusCode = mediaType == ResponseMediaType.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLHttpRequest request)
    {
        var correlationId = CorrelationId.Of(http);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(limits.Value.ExecutionTimeout);
        var options = new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = timeout.Token,
            UnhandledExceptionDelegate = context =>
            {
                context.Exception.Data[EntityGraphErrorInfoProvider.CorrelationIdKey] = correlationId;
                if (context.OriginalException is StoreUnavailableException unavailable)
                    logger.LogWarning("{Reason} (correlation id {CorrelationId})", unavailable.Message, correlationId);
                else if (context.OriginalException is GraphQLMaxDepthExceededException)
                    logger.LogWarning("GraphQL request refused: nested too deeply for the parser (correlation id {CorrelationId})", correlationId);
                else if (!TimedOut(http, timeout))
                    logger.LogError(context.OriginalException, "Unhandled exception in {Field} (correlation id {CorrelationId})", context.FieldContext?.Path is { } path ? string.Join('.', path) : "the request", correlationId);
                return Task.CompletedTask;
            },
        };

        try
        {
            var result = await executer.ExecuteAsync(options);
            // A store interrupted by the timeout may fail with its own exception rather than a cancellation.
            return TimedOut(http, timeout) && result.Errors?.Any(e => e is UnhandledError) == true ? TimeoutResult() : result;
        }
        catch (OperationCanceledException) when (TimedOut(http, timeout))
        {
            return TimeoutResult();
        }

        ExecutionResult TimeoutResult()
        {
            logger.LogWarning("GraphQL request cancelled after the execution time limit of {Timeout} (correlation id {CorrelationId})", limits.Value.ExecutionTimeout, correlationId);
            return new ExecutionResult
            {
                Executed = true,
                Errors = [GraphErrors.LimitExceeded($"The request took longer than the limit of {limits.Value.ExecutionTimeout.TotalSeconds:0.###} s and was cancelled; narrow it (fewer ids, a smaller page, less depth).")],
            };
        }
    }

    private static bool TimedOut(HttpContext http, CancellationTokenSource timeout) =>
        timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested;

    /// <summary>Whether the operation to run is a mutation; a document that does not parse is left to the executer to report.</summary>
    private static bool IsMutation(GraphQLHttpRequest request)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query);
        }
        catch (GraphQLParserException)
        {
            return false;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
        return operation?.Operation == OperationType.Mutation;
    }

    private async Task WriteProblemAsync(HttpContext http, string mediaType, RequestProblem problem)
    {
        http.Response.StatusCode = problem.StatusCode;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(problem.Message) { Code = problem.Code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
