namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>Which aggregation rule decides whether ownership by sanctioned parties blocks a party.</summary>
public enum OwnershipRule
{
    /// <summary>OFAC 50% rule: blocked when blocked owners together hold 50% or more; control does not block.</summary>
    Ofac,

    /// <summary>EU rule (2024 guidance): "50% or more", aggregated across listed owners; control is a separate red flag.</summary>
    Eu,
}
