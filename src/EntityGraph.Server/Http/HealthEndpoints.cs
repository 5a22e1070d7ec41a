using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Hosting;

namespace EntityGraph.Server.Http;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the store answers and its schema is current).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Json(new { status = "live" }));
        endpoints.MapGet("/health/ready", async (HttpContext context, IGraphStore store, VerdictWarmUp warmUp, CancellationToken cancellationToken) =>
        {
            StoreStatus status;
            try
            {
                status = await store.GetStatusAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Json(new { status = "unavailable", detail = "The store did not answer." }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var index = context.RequestServices.GetService<ITradeIndexSource>();
            return status.Ready
                ? Results.Json(new { status = "ready", entities = status.Entities, tradeIndex = index is null ? "off" : index.IndexReady ? "ready" : "building", verdicts = warmUp.Warm ? "ready" : "judging" })
                : Results.Json(new { status = "unavailable", detail = status.Detail ?? (status.Reachable ? "The database schema is not current." : "The store is not reachable.") }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
