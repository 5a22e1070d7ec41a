using System.Text.RegularExpressions;

namespace EntityGraph.Server.Http;

/// <summary>
/// Gives every request a correlation id — the caller's <c>X-Correlation-Id</c> when it is sane, a new
/// one otherwise — echoes it in the response header, and puts it in the logging scope, so that a
/// client's "Internal error" can be found in the log.
/// </summary>
public static partial class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>The correlation id of a request.</summary>
    public static string Of(HttpContext context) => context.TraceIdentifier;

    internal static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        var given = context.Request.Headers[HeaderName].ToString();
        var id = SaneId().IsMatch(given) ? given : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationId));
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            await next(context);
    }

    // Letters, digits and a few separators, so that a header cannot inject anything into logs or responses.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex SaneId();
}
