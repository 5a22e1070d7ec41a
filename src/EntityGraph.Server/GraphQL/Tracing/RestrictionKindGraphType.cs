using EntityGraph.Core.Analysis.Tracing;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>RestrictionKind</c> enum.</summary>
public sealed class RestrictionKindGraphType : EnumerationGraphType
{
    public RestrictionKindGraphType()
    {
        Name = "RestrictionKind";
        Description = "Why a party counts as restricted; when several apply, the first of these.";
        Add("SANCTIONED", RestrictionKind.Sanctioned, "A sanction naming the party is in force on the day of evaluation.");
        Add("OWNERSHIP_BLOCKED", RestrictionKind.OwnershipBlocked, "Blocked owners together hold 50% or more of it under the ownership rule in force.");
        Add("EXPORT_CONTROL", RestrictionKind.ExportControl, "It carries the FtM topic export.control (e.g. an entity list), without being sanctioned or blocked.");
    }
}
