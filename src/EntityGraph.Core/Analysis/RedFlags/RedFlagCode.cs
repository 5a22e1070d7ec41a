namespace EntityGraph.Core.Analysis.RedFlags;

/// <summary>
/// The red flags, each with a stable code. The exact rule of each is in docs/domain.md#red-flags and in
/// the GraphQL enum's descriptions.
/// </summary>
public enum RedFlagCode
{
    /// <summary>A sanction in force on the day names the party itself.</summary>
    DirectlySanctioned,

    /// <summary>Blocked owners together hold 50% or more of the party (the ownership rule's block).</summary>
    OwnershipBlocked,

    /// <summary>Blocked owners together hold at least 25% but less than 50% of the party.</summary>
    OwnershipNearBlocked,

    /// <summary>A direct owner (stake in force on the day, any size) is sanctioned.</summary>
    SanctionedOwner,

    /// <summary>A director or officer (in office on the day) is sanctioned.</summary>
    SanctionedDirector,

    /// <summary>Another party registered at one of the party's addresses is sanctioned.</summary>
    SanctionedAddressNeighbour,

    /// <summary>A controller of the party (FtM <c>Control</c>) is sanctioned, or blocked under the EU rule: a red flag, never a block.</summary>
    ControlledByBlockedParty,

    /// <summary>Incorporated on or after 2022-02-24 and sent or received CHPL goods since.</summary>
    NewCompanyTradingChpl,

    /// <summary>Located in a common transshipment country and sent CHPL goods to Russia or Belarus since 2022-02-24.</summary>
    TransshipmentChplToRussia,

    /// <summary>CHPL shipments in the year from 2022-02-24 at least five and at least three times those of the year before.</summary>
    SuddenChplRise,

    /// <summary>CHPL shipments received by the party were declared by a third party, or the party declared CHPL shipments received by others.</summary>
    DeclarantNotReceiver,
}
