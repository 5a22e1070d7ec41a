namespace EntityGraph.Server.Hosting;

/// <summary>
/// Limits that keep one request from exhausting the server, on by default (section
/// <c>EntityGraph:Limits</c>). Exceeding one yields an error with code <c>LIMIT_EXCEEDED</c>
/// (HTTP 413 for the body size).
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "EntityGraph:Limits";

    /// <summary>The deepest nesting of fields a query may select.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// The largest complexity a query may have, as GraphQL.NET's complexity analyzer estimates it: each
    /// field costs 1, list fields multiply their children by <c>first</c>/<c>limit</c> or 5 when absent,
    /// and the analysis fields weigh what they cost (see <c>GraphQL/AnalysisComplexity.cs</c>).
    /// </summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>The largest <c>first</c> of a paginated field.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>The largest <c>limit</c> (nodes, and edges) of a neighbourhood.</summary>
    public int MaxNeighbourhoodLimit { get; set; } = 5_000;

    /// <summary>The largest <c>depth</c> (hops) of a neighbourhood.</summary>
    public int MaxNeighbourhoodDepth { get; set; } = 3;

    /// <summary>The largest <c>maxHops</c> of a trace.</summary>
    public int MaxTraceHops { get; set; } = 6;

    /// <summary>The most shipments one trace may read; beyond it the trace stops and says <c>truncated</c>.</summary>
    public int MaxTraceShipments { get; set; } = 200_000;

    /// <summary>How long one trace may search; beyond it the trace stops between hops and says <c>truncated</c>. Keep it below <see cref="ExecutionTimeout"/>.</summary>
    public TimeSpan TraceTimeBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest <c>maxHops</c> of <c>paths</c>.</summary>
    public int MaxPathHops { get; set; } = 10;

    /// <summary>The largest <c>limit</c> (number of paths) of <c>paths</c>.</summary>
    public int MaxPaths { get; set; } = 100;

    /// <summary>
    /// The most links one <c>paths</c> search may read from the store; a search cut by it says so in
    /// the response's <c>extensions.truncated</c>.
    /// </summary>
    public int PathLinkBudget { get; set; } = 200_000;

    /// <summary>The most ids an argument list (e.g. <c>neighbourhood(ids:)</c>) may carry.</summary>
    public int MaxIds { get; set; } = 500;

    /// <summary>The most entities one <c>upsertEntities</c> call may carry.</summary>
    public int MaxUpsertBatch { get; set; } = 1_000;

    /// <summary>The largest request body in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>How long one GraphQL request may run before it is cancelled.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
