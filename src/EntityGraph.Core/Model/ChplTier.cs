namespace EntityGraph.Core.Model;

/// <summary>
/// Tiers of the Common High Priority List (BIS/EU/UK/Japan, 23 Feb 2024). Tiers 1 and 2 are the
/// "critical components" most sought by Russian weapons programmes.
/// </summary>
public enum ChplTier
{
    Tier1,
    Tier2,
    Tier3A,
    Tier3B,
    Tier4A,
    Tier4B,
}
