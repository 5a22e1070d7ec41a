using EntityGraph.Core.Model;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>TradeFlowFilter</c> input as GraphQL.NET reads it; validated by <see cref="TradeFlowsField"/>.</summary>
public sealed class TradeFlowFilter
{
    public PartialDate? From { get; set; }

    public PartialDate? To { get; set; }

    public List<string>? SenderCountries { get; set; }

    public List<string>? ReceiverCountries { get; set; }

    public List<string>? HsPrefixes { get; set; }

    public List<ChplTier>? ChplTiers { get; set; }

    public bool? ChplOnly { get; set; }

    public double? MinValueUsd { get; set; }
}
