using System.Text.Json;
using EntityGraph.Server.GraphQL.Errors;
using GraphQL;
using Microsoft.Net.Http.Headers;

namespace EntityGraph.Server.Http;

/// <summary>
/// Reads a GraphQL request from HTTP as the GraphQL-over-HTTP spec says: POST with an
/// <c>application/json</c> body, or GET with <c>query</c>, <c>operationName</c>, <c>variables</c> and
/// <c>extensions</c> in the query string. Problems come back as a status code and a message.
/// </summary>
internal sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer)
{
    public async Task<(GraphQLHttpRequest? Request, RequestProblem? Problem)> ReadAsync(HttpContext http, long maxBodyBytes)
    {
        if (HttpMethods.IsGet(http.Request.Method))
            return ReadGet(http.Request.Query);

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType))
            return Fail(StatusCodes.Status415UnsupportedMediaType, "The request has no Content-Type; send the GraphQL request as application/json.");
        if (!contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return Fail(StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{contentType.MediaType}' is not supported; send the GraphQL request as application/json.");
        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return Fail(StatusCodes.Status415UnsupportedMediaType, $"Charset '{contentType.Charset}' is not supported; send UTF-8.");

        if (http.Request.ContentLength > maxBodyBytes)
            return Fail(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {maxBodyBytes} bytes.", ErrorCodes.LimitExceeded);
        var body = await ReadBodyAsync(http.Request.Body, maxBodyBytes, http.RequestAborted);
        if (body is null)
            return Fail(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {maxBodyBytes} bytes.", ErrorCodes.LimitExceeded);
        if (body.Length == 0)
            return Fail(StatusCodes.Status400BadRequest, "The request body is empty; expected a JSON object with a \"query\".");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return Fail(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a \"query\".");
            if (!root.TryGetProperty("query", out var query) || query.ValueKind == JsonValueKind.Null)
                return Fail(StatusCodes.Status400BadRequest, "The request has no \"query\".");
            if (query.ValueKind != JsonValueKind.String)
                return Fail(StatusCodes.Status400BadRequest, "\"query\" must be a string.");
            string? operationName = null;
            if (root.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
            {
                if (name.ValueKind != JsonValueKind.String)
                    return Fail(StatusCodes.Status400BadRequest, "\"operationName\" must be a string.");
                operationName = name.GetString();
            }

            var (variables, variablesProblem) = ReadMap(root, "variables");
            if (variablesProblem is not null)
                return (null, variablesProblem);
            var (extensions, extensionsProblem) = ReadMap(root, "extensions");
            if (extensionsProblem is not null)
                return (null, extensionsProblem);
            return (new GraphQLHttpRequest(query.GetString()!, operationName, variables, extensions), null);
        }
    }

    private (GraphQLHttpRequest?, RequestProblem?) ReadGet(IQueryCollection query)
    {
        var text = query["query"].ToString();
        if (string.IsNullOrEmpty(text))
            return Fail(StatusCodes.Status400BadRequest, "The request has no \"query\" parameter.");
        var operationName = query["operationName"].ToString();
        var (variables, variablesProblem) = ReadMapText(query["variables"].ToString(), "variables");
        if (variablesProblem is not null)
            return (null, variablesProblem);
        var (extensions, extensionsProblem) = ReadMapText(query["extensions"].ToString(), "extensions");
        if (extensionsProblem is not null)
            return (null, extensionsProblem);
        return (new GraphQLHttpRequest(text, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null);
    }

    private (Inputs?, RequestProblem?) ReadMap(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? ReadMapValue(value, name) : (null, null);

    private (Inputs?, RequestProblem?) ReadMapText(string text, string name)
    {
        if (string.IsNullOrEmpty(text))
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(text);
            return ReadMapValue(document.RootElement, name);
        }
        catch (JsonException)
        {
            return (null, new RequestProblem(StatusCodes.Status400BadRequest, $"\"{name}\" is not valid JSON.", ErrorCodes.BadRequest));
        }
    }

    private (Inputs?, RequestProblem?) ReadMapValue(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => (null, null),
        JsonValueKind.Object => (serializer.ReadNode<Inputs>(value), null),
        _ => (null, new RequestProblem(StatusCodes.Status400BadRequest, $"\"{name}\" must be a JSON object.", ErrorCodes.BadRequest)),
    };

    /// <summary>The body, or null when it is longer than the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static (GraphQLHttpRequest?, RequestProblem?) Fail(int status, string message, string code = ErrorCodes.BadRequest) =>
        (null, new RequestProblem(status, message, code));
}
