using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.TradeFlows;

/// <summary>The values of the dimensions a row is grouped by; null for a dimension not grouped by or not stated.</summary>
/// <param name="SenderCountry">The sender country (departure, else origin, as declared).</param>
/// <param name="ReceiverCountry">The receiver country (destination, as declared).</param>
/// <param name="Hs6">The HS-6 code.</param>
/// <param name="Hs4">The HS-4 heading.</param>
/// <param name="ChplTier">The CHPL tier.</param>
public readonly record struct TradeFlowGroup(string? SenderCountry, string? ReceiverCountry, string? Hs6, string? Hs4, ChplTier? ChplTier);
