namespace EntityGraph.Server.GraphQL;

/// <summary>
/// What the analysis fields weigh in the complexity limit, on top of their selections: an ordinary field
/// weighs 1, and these run a search or a calculation, so a request cannot hold the server with many aliases.
/// </summary>
internal static class AnalysisComplexity
{
    /// <summary><c>traceChains</c>: a search over up to 200,000 shipments; a few hundred exceed the default limit.</summary>
    public const double Trace = 200;

    /// <summary><c>paths</c>: a search over up to 200,000 links.</summary>
    public const double Paths = 100;

    /// <summary><c>tradeFlows</c>: an aggregate over every shipment the filter lets through.</summary>
    public const double TradeFlows = 100;

    /// <summary><c>neighbourhood</c>: up to three hops of expansion, 5,000 nodes and links.</summary>
    public const double Subgraph = 100;

    /// <summary><c>beneficialOwners</c>: up to 20 levels of ownership, every chain summed.</summary>
    public const double BeneficialOwners = 50;

    /// <summary><c>redFlags</c>: the ownership verdict and the party's CHPL shipments, per party.</summary>
    public const double RedFlags = 20;

    /// <summary><c>exposure</c> and <c>blocked</c>: the ownership verdict, batched per level of the query.</summary>
    public const double Exposure = 10;
}
