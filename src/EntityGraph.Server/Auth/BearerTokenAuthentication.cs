using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EntityGraph.Server.GraphQL.Errors;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.Auth;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;token&gt;</c> against the configured token on every request but the
/// health checks, which orchestrators call without credentials. A missing or wrong token is answered
/// with 401, a <c>WWW-Authenticate: Bearer</c> challenge and a GraphQL-style error body.
/// </summary>
internal static class BearerTokenAuthentication
{
    private const string Scheme = "Bearer";

    internal static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!options.Required || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        var presented = PresentedToken(context.Request.Headers.Authorization);
        if (presented is not null && Matches(presented, options.Token!.Trim()))
        {
            await next(context);
            return;
        }

        // RFC 6750: no error attribute when the request carried no credentials, invalid_token when they were wrong.
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = presented is null
            ? $"{Scheme} realm=\"entitygraph\""
            : $"{Scheme} realm=\"entitygraph\", error=\"invalid_token\"";
        context.Response.ContentType = "application/json; charset=utf-8";
        var message = presented is null
            ? "Authentication is required: send the API token as 'Authorization: Bearer <token>'."
            : "The bearer token is not valid.";
        await JsonSerializer.SerializeAsync(
            context.Response.Body,
            new { errors = new[] { new { message, extensions = new { code = ErrorCodes.Unauthenticated } } } },
            cancellationToken: context.RequestAborted);
    }

    /// <summary>The token of a <c>Bearer</c> Authorization header (scheme case-insensitive), or null.</summary>
    private static string? PresentedToken(string? header)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
            return null;
        var token = header[(Scheme.Length + 1)..].Trim();
        return token.Length > 0 ? token : null;
    }

    /// <summary>Compares in constant time; hashing first keeps the length of the token from showing in the timing too.</summary>
    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
