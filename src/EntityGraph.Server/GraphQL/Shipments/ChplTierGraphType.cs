using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Shipments;

/// <summary>The <c>ChplTier</c> enum.</summary>
public sealed class ChplTierGraphType : EnumerationGraphType
{
    public ChplTierGraphType()
    {
        Name = "ChplTier";
        Description = "Tiers of the Common High Priority List (BIS/EU/UK/Japan, 23 Feb 2024). Tiers 1 and 2 are the \"critical components\".";
        Add("TIER_1", ChplTier.Tier1, "Tier 1: integrated circuits.");
        Add("TIER_2", ChplTier.Tier2, "Tier 2: electronics such as capacitors, resistors, transmitters.");
        Add("TIER_3A", ChplTier.Tier3A, "Tier 3.A: discrete electronic components.");
        Add("TIER_3B", ChplTier.Tier3B, "Tier 3.B: electronic components such as connectors and sensors.");
        Add("TIER_4A", ChplTier.Tier4A, "Tier 4.A: manufacturing and production equipment.");
        Add("TIER_4B", ChplTier.Tier4B, "Tier 4.B: other items such as bearings and optical components.");
    }
}
