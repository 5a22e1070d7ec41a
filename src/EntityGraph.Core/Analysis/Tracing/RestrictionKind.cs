namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>Why a party counts as restricted.</summary>
public enum RestrictionKind
{
    /// <summary>It is the subject of an active sanction.</summary>
    Sanctioned,

    /// <summary>It is blocked through its owners under the ownership rule in force.</summary>
    OwnershipBlocked,

    /// <summary>It carries the FtM topic <c>export.control</c>.</summary>
    ExportControl,
}
