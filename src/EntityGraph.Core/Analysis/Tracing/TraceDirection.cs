namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>Which way a trace follows the goods.</summary>
public enum TraceDirection
{
    /// <summary>From a supplier towards its customers and their customers.</summary>
    Downstream,

    /// <summary>From an end user back towards its suppliers.</summary>
    Upstream,
}
