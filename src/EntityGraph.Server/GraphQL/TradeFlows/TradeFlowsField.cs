using EntityGraph.Core.Analysis.TradeFlows;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>tradeFlows</c> root field: its arguments, how they are read and checked, and the answer they ask for.</summary>
internal static class TradeFlowsField
{
    /// <summary>The most rows one answer carries; beyond it the result says <c>truncated</c>.</summary>
    public const int MaxRows = 10_000;

    private static readonly TradeFlowDimension[] DefaultGroupBy = [TradeFlowDimension.SenderCountry, TradeFlowDimension.ReceiverCountry];

    public static void AddTradeFlowsField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<TradeFlowResultGraphType>>("tradeFlows")
            .Description("Shipment count and value per period and group (sender/receiver country, HS-6, HS-4, CHPL tier), with the change against the same group in the period before: the figure behind \"exports of high-priority items from Kyrgyzstan to Russia rose 145% in 2022\".")
            .Argument<TradeFlowFilterInputGraphType>("filter", "Which shipments count; all when absent.")
            .Argument<ListGraphType<NonNullGraphType<TradeFlowDimensionGraphType>>>("groupBy", "The dimensions to break the flows down by; an empty list gives one row per period.", a => a.DefaultValue = DefaultGroupBy)
            .Argument<TradePeriodGraphType>("period", "The period to sum over.", a => a.DefaultValue = TradePeriod.Year)
            .WithComplexityImpact(AnalysisComplexity.TradeFlows)
            .ResolveAsync(async c => await new TradeFlowCalculator(c.Store()).CalculateAsync(Read(c), c.CancellationToken));

    private static TradeFlowRequest Read(IResolveFieldContext context)
    {
        var filter = context.GetArgument<TradeFlowFilter?>("filter") ?? new TradeFlowFilter();
        if (filter.From is { } from && filter.To is { } to && from.Earliest > to.Latest)
            throw GraphErrors.BadUserInput($"filter.to: '{to}' is before filter.from '{from}'; expected a window that ends on or after it starts.");
        if (filter.HsPrefixes?.FirstOrDefault(p => HsCode.Normalize(p) is null) is { } bad)
            throw GraphErrors.BadUserInput($"filter.hsPrefixes: '{bad}' is not an HS code prefix; expected at least two digits, e.g. \"8542\".");
        if (filter.MinValueUsd < 0)
            throw GraphErrors.BadUserInput($"filter.minValueUsd: {filter.MinValueUsd} is negative; expected a value in US dollars of 0 or more.");
        var shipments = new ShipmentFilter(
            filter.From?.Earliest,
            filter.To?.Latest,
            filter.HsPrefixes?.Select(p => HsCode.Normalize(p)!.Value.Digits).ToArray(),
            filter.ChplTiers,
            filter.MinValueUsd);
        var groupBy = context.GetArgument<List<TradeFlowDimension>?>("groupBy") ?? [];
        return new TradeFlowRequest(
            shipments,
            groupBy.Distinct().ToArray(),
            context.GetArgument("period", TradePeriod.Year),
            ReadCountries(filter.SenderCountries, "filter.senderCountries"),
            ReadCountries(filter.ReceiverCountries, "filter.receiverCountries"),
            filter.ChplOnly ?? false,
            MaxRows);
    }

    private static string[]? ReadCountries(List<string>? countries, string argument) =>
        countries?.Select(c => Countries.Normalize(c)
            ?? throw GraphErrors.BadUserInput($"{argument}: '{c}' is not a country code; expected an ISO-3166 alpha-2 code such as \"kg\".")).Distinct(StringComparer.Ordinal).ToArray();
}
