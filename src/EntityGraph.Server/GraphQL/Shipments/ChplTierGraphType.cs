using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.Shipments;

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
