using EntityGraph.Core.Analysis.Tracing;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>TraceDirection</c> enum.</summary>
public sealed class TraceDirectionGraphType : EnumerationGraphType
{
    public TraceDirectionGraphType()
    {
        Name = "TraceDirection";
        Description = "Which way a trace follows the goods.";
        Add("DOWNSTREAM", TraceDirection.Downstream, "From a supplier towards its customers and theirs, ending at the first restricted party.");
        Add("UPSTREAM", TraceDirection.Upstream, "From an end user back towards its suppliers, ending in a target country (or where no earlier shipment qualifies).");
    }
}
