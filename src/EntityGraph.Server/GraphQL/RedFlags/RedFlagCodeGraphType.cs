using EntityGraph.Core.Analysis.RedFlags;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.RedFlags;

/// <summary>The <c>RedFlagCode</c> enum: the stable code of each red flag, with its exact rule.</summary>
public sealed class RedFlagCodeGraphType() : DescribedEnumGraphType(
    "RedFlagCode",
    "Which red flag. Each value's description is its exact rule. \"On the day\" is the `asOf` argument; "
        + "\"CHPL goods\" are shipments whose HS-6 code is on the Common High Priority List (any tier); only shipments dated from "
        + "2021-02-24 to the day are read, and a shipment's whole date (month or year precision) must fall in a window to count in it.",
    ("DIRECTLY_SANCTIONED", RedFlagCode.DirectlySanctioned, "A sanction in force on the day (started, not ended; any authority) names the party itself."),
    ("OWNERSHIP_BLOCKED", RedFlagCode.OwnershipBlocked, "Blocked owners together hold 50% or more of the party under the `rule` (stakes in force on the day, added, never multiplied; ranges count their minimum; unknown stakes never count). See `exposure`."),
    ("OWNERSHIP_NEAR_BLOCKED", RedFlagCode.OwnershipNearBlocked, "Blocked owners together hold at least 25% but less than 50% of the party (same counting as OWNERSHIP_BLOCKED): not blocked, but close."),
    ("SANCTIONED_OWNER", RedFlagCode.SanctionedOwner, "A direct owner, whose stake is in force on the day, is named by a sanction in force; any stake size, known or not."),
    ("SANCTIONED_DIRECTOR", RedFlagCode.SanctionedDirector, "A director or officer in office on the day is named by a sanction in force."),
    ("SANCTIONED_ADDRESS_NEIGHBOUR", RedFlagCode.SanctionedAddressNeighbour, "Another party registered at one of the party's addresses is named by a sanction in force. At most 500 registrations are read per address (mass-registration addresses); the flag is then `truncated`."),
    ("CONTROLLED_BY_BLOCKED_PARTY", RedFlagCode.ControlledByBlockedParty, "A controller (FtM Control in force on the day, e.g. a nominee arrangement) is named by a sanction in force, or, under the EU rule, is blocked by ownership. Control is a red flag, never a block."),
    ("NEW_COMPANY_TRADING_CHPL", RedFlagCode.NewCompanyTradingChpl, "Incorporated on or after 2022-02-24 (the whole incorporation date; \"2022\" alone is not enough) and sent or received at least one shipment of CHPL goods dated on or after its incorporation."),
    ("TRANSSHIPMENT_CHPL_TO_RUSSIA", RedFlagCode.TransshipmentChplToRussia, "Located (country, jurisdiction, nationality) in a common transshipment country (FinCEN/BIS alert of 2022-06-28) and sent at least one shipment of CHPL goods dated on or after 2022-02-24 to Russia or Belarus (its destination country, or its receiver's country when no destination is stated)."),
    ("SUDDEN_CHPL_RISE", RedFlagCode.SuddenChplRise, "Shipments of CHPL goods sent or received in the year from 2022-02-24 to 2023-02-23 number at least 5 and at least 3 times those of the year before (2021-02-24 to 2022-02-23); none before counts as a rise. Not raised on companies incorporated on or after 2022-02-24, which NEW_COMPANY_TRADING_CHPL covers."),
    ("DECLARANT_NOT_RECEIVER", RedFlagCode.DeclarantNotReceiver, "The declared end user differs from the receiver, reading FtM EconomicActivity `declarant` as the declared party: the party received shipments of CHPL goods whose declarant is another party, or it declared shipments of CHPL goods that another party received."));
