using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>TraceDirection</c> enum.</summary>
public sealed class TraceDirectionGraphType() : DescribedEnumGraphType(
    "TraceDirection",
    "Which way a trace follows the goods.",
    ("DOWNSTREAM", TraceDirection.Downstream, "From a supplier towards its customers and theirs, ending at the first restricted party."),
    ("UPSTREAM", TraceDirection.Upstream, "From an end user back towards its suppliers, ending in a target country (or where no earlier shipment qualifies)."));
