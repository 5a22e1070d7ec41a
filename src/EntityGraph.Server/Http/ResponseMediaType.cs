using Microsoft.Net.Http.Headers;

namespace EntityGraph.Server.Http;

/// <summary>Chooses the response media type from the <c>Accept</c> header, per the GraphQL-over-HTTP spec.</summary>
internal static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// <c>application/graphql-response+json</c> when the client names it (it is preferred at equal
    /// quality); <c>application/json</c> when named, for wildcards, or when there is no Accept header;
    /// null when nothing acceptable can be produced (406).
    /// </summary>
    public static string? Negotiate(IList<string>? accept)
    {
        if (accept is null || accept.Count == 0 || accept.All(string.IsNullOrWhiteSpace))
            return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return Json;
        string? best = null;
        double bestQuality = 0;
        var bestRank = int.MaxValue;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1;
            var mediaType = range.MediaType.Value?.ToLowerInvariant();
            var (candidate, rank) = mediaType switch
            {
                GraphQLResponse => (GraphQLResponse, 0),
                Json => (Json, 1),
                "application/*" or "*/*" => (Json, 2),
                _ => ((string?)null, int.MaxValue),
            };
            if (candidate is null || quality <= 0)
                continue;
            if (quality > bestQuality || (quality == bestQuality && rank < bestRank))
            {
                best = candidate;
                bestQuality = quality;
                bestRank = rank;
            }
        }

        return best;
    }
}
