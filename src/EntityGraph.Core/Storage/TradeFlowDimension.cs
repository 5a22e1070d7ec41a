namespace EntityGraph.Core.Storage;

/// <summary>What trade flows can be broken down by, besides the period.</summary>
public enum TradeFlowDimension
{
    /// <summary>The sender's country as the declaration states it; see <see cref="TradeFlowQuery.SenderCountryOf"/>.</summary>
    SenderCountry,

    /// <summary>The receiver's country as the declaration states it; see <see cref="TradeFlowQuery.ReceiverCountryOf"/>.</summary>
    ReceiverCountry,

    /// <summary>The first six digits of the HS code.</summary>
    Hs6,

    /// <summary>The first four digits of the HS code (the heading).</summary>
    Hs4,

    /// <summary>The CHPL tier of the HS-6 code.</summary>
    ChplTier,
}
