using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>RestrictionKind</c> enum.</summary>
public sealed class RestrictionKindGraphType() : DescribedEnumGraphType(
    "RestrictionKind",
    "Why a party counts as restricted; when several apply, the first of these.",
    ("SANCTIONED", RestrictionKind.Sanctioned, "A sanction naming the party is in force on the day of evaluation."),
    ("OWNERSHIP_BLOCKED", RestrictionKind.OwnershipBlocked, "Blocked owners together hold 50% or more of it under the ownership rule in force."),
    ("EXPORT_CONTROL", RestrictionKind.ExportControl, "It carries the FtM topic export.control (e.g. an entity list), without being sanctioned or blocked."));
