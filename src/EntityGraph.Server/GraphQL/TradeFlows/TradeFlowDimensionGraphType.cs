using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>TradeFlowDimension</c> enum.</summary>
public sealed class TradeFlowDimensionGraphType() : DescribedEnumGraphType(
    "TradeFlowDimension",
    "What trade flows are broken down by, besides the period. A row's value for a dimension is null when the declaration does not state it.",
    ("SENDER_COUNTRY", TradeFlowDimension.SenderCountry, "The sender's country as the customs record states it: the country of departure, else the country of origin. The sender party's own country is not consulted."),
    ("RECEIVER_COUNTRY", TradeFlowDimension.ReceiverCountry, "The receiver's country as the customs record states it: the country of destination."),
    ("HS6", TradeFlowDimension.Hs6, "The first six digits of the HS code."),
    ("HS4", TradeFlowDimension.Hs4, "The first four digits of the HS code (the heading)."),
    ("CHPL_TIER", TradeFlowDimension.ChplTier, "The CHPL tier of the HS-6 code; null for goods not on the list."));
