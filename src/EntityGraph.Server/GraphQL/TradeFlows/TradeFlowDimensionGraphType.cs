using EntityGraph.Core.Storage;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>TradeFlowDimension</c> enum.</summary>
public sealed class TradeFlowDimensionGraphType : EnumerationGraphType
{
    public TradeFlowDimensionGraphType()
    {
        Name = "TradeFlowDimension";
        Description = "What trade flows are broken down by, besides the period. A row's value for a dimension is null when the declaration does not state it.";
        Add("SENDER_COUNTRY", TradeFlowDimension.SenderCountry, "The sender's country as the customs record states it: the country of departure, else the country of origin. The sender party's own country is not consulted.");
        Add("RECEIVER_COUNTRY", TradeFlowDimension.ReceiverCountry, "The receiver's country as the customs record states it: the country of destination.");
        Add("HS6", TradeFlowDimension.Hs6, "The first six digits of the HS code.");
        Add("HS4", TradeFlowDimension.Hs4, "The first four digits of the HS code (the heading).");
        Add("CHPL_TIER", TradeFlowDimension.ChplTier, "The CHPL tier of the HS-6 code; null for goods not on the list.");
    }
}
