using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.RedFlags;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Analysis.TradeFlows;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL;

// The enums of the public API, read together as the schema lists them: each is its name, its description and its values.

/// <summary>The <c>PartyKind</c> enum.</summary>
public sealed class PartyKindGraphType() : DescribedEnumGraphType(
    "PartyKind",
    "What kind of party a node is.",
    ("COMPANY", PartyKind.Company, "A company (FtM Company)."),
    ("ORGANIZATION", PartyKind.Organization, "An organization that is not a company: an agency, a public body, an association (FtM Organization)."),
    ("PERSON", PartyKind.Person, "A natural person (FtM Person)."),
    ("LEGAL_ENTITY", PartyKind.LegalEntity, "A party of unknown kind, e.g. a name on a customs form (FtM LegalEntity)."));

/// <summary>The <c>LinkKind</c> enum.</summary>
public sealed class LinkKindGraphType() : DescribedEnumGraphType(
    "LinkKind",
    "The directed relationships of the graph.",
    ("OWNS", LinkKind.Owns, "Owner → asset (FtM Ownership): percentage, shares, dates."),
    ("DIRECTS", LinkKind.Directs, "Director → organization (FtM Directorship)."),
    ("CONTROLS", LinkKind.Controls, "Controller → controlled (FtM Control)."),
    ("REPRESENTS", LinkKind.Represents, "Agent → client, e.g. a freight forwarder (FtM Representation)."),
    ("RELATED_TO", LinkKind.RelatedTo, "Family, associates and unknown links (FtM Family, Associate, UnknownLink)."),
    ("REGISTERED_AT", LinkKind.RegisteredAt, "Party → address."),
    ("SANCTIONED_BY", LinkKind.SanctionedBy, "Party → sanction."),
    ("SENT", LinkKind.Sent, "Sender → shipment."),
    ("RECEIVED", LinkKind.Received, "Shipment → receiver."),
    ("DECLARED", LinkKind.Declared, "Declarant → shipment."));

/// <summary>The <c>ChplTier</c> enum.</summary>
public sealed class ChplTierGraphType() : DescribedEnumGraphType(
    "ChplTier",
    "Tiers of the Common High Priority List (BIS/EU/UK/Japan, 23 Feb 2024). Tiers 1 and 2 are the \"critical components\".",
    ("TIER_1", ChplTier.Tier1, "Tier 1: electronic integrated circuits (processors, memories, amplifiers)."),
    ("TIER_2", ChplTier.Tier2, "Tier 2: transmission and navigation apparatus (incl. GNSS receivers) and passive components such as capacitors."),
    ("TIER_3A", ChplTier.Tier3A, "Tier 3.A: further electronics such as processing units, static converters and transmission apparatus."),
    ("TIER_3B", ChplTier.Tier3B, "Tier 3.B: mechanical and other items such as ball and roller bearings."),
    ("TIER_4A", ChplTier.Tier4A, "Tier 4.A: data-processing units and machines for making wafers and semiconductor devices."),
    ("TIER_4B", ChplTier.Tier4B, "Tier 4.B: machine tools for working metal (machining centres, lathes, milling machines)."));

/// <summary>The <c>TraceDirection</c> enum.</summary>
public sealed class TraceDirectionGraphType() : DescribedEnumGraphType(
    "TraceDirection",
    "Which way a trace follows the goods.",
    ("DOWNSTREAM", TraceDirection.Downstream, "From a supplier towards its customers and theirs, ending at the first restricted party."),
    ("UPSTREAM", TraceDirection.Upstream, "From an end user back towards its suppliers, ending in a target country (or where no earlier shipment qualifies)."));

/// <summary>The <c>RestrictionKind</c> enum.</summary>
public sealed class RestrictionKindGraphType() : DescribedEnumGraphType(
    "RestrictionKind",
    "Why a party counts as restricted; when several apply, the first of these.",
    ("SANCTIONED", RestrictionKind.Sanctioned, "A sanction naming the party is in force on the day of evaluation."),
    ("OWNERSHIP_BLOCKED", RestrictionKind.OwnershipBlocked, "Blocked owners together hold 50% or more of it under the ownership rule in force."),
    ("EXPORT_CONTROL", RestrictionKind.ExportControl, "It carries the FtM topic export.control (e.g. an entity list), without being sanctioned or blocked."));

/// <summary>The <c>OwnershipRule</c> enum.</summary>
public sealed class OwnershipRuleGraphType() : DescribedEnumGraphType(
    "OwnershipRule",
    "Which rule decides whether ownership by sanctioned parties blocks a party.",
    ("OFAC", OwnershipRule.Ofac, "OFAC 50% rule: blocked when directly sanctioned or when blocked owners together hold 50% or more; percentages add up, never multiply; control does not block."),
    ("EU", OwnershipRule.Eu, "EU rule (2024 guidance): \"50% or more\", aggregated across listed owners like OFAC; control by a listed party is reported as a red flag, not a block."));

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

/// <summary>The <c>TradeFlowDimension</c> enum.</summary>
public sealed class TradeFlowDimensionGraphType() : DescribedEnumGraphType(
    "TradeFlowDimension",
    "What trade flows are broken down by, besides the period. A row's value for a dimension is null when the declaration does not state it.",
    ("SENDER_COUNTRY", TradeFlowDimension.SenderCountry, "The sender's country as the customs record states it: the country of departure, else the country of origin. The sender party's own country is not consulted."),
    ("RECEIVER_COUNTRY", TradeFlowDimension.ReceiverCountry, "The receiver's country as the customs record states it: the country of destination."),
    ("HS6", TradeFlowDimension.Hs6, "The first six digits of the HS code."),
    ("HS4", TradeFlowDimension.Hs4, "The first four digits of the HS code (the heading)."),
    ("CHPL_TIER", TradeFlowDimension.ChplTier, "The CHPL tier of the HS-6 code; null for goods not on the list."));

/// <summary>The <c>TradePeriod</c> enum.</summary>
public sealed class TradePeriodGraphType() : DescribedEnumGraphType(
    "TradePeriod",
    "The calendar period trade flows are summed over.",
    ("YEAR", TradePeriod.Year, "Calendar years, written \"2022\"."),
    ("QUARTER", TradePeriod.Quarter, "Calendar quarters, written \"2022-Q3\". Shipments dated only to the year fit none and are counted in `impreciseShipments`."),
    ("MONTH", TradePeriod.Month, "Calendar months, written \"2022-07\". Shipments dated only to the year fit none and are counted in `impreciseShipments`."));
