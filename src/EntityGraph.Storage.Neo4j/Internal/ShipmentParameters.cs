using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>
/// <see cref="ShipmentFilter"/> and <see cref="TradeFlowQuery"/> as the parameters of the shipment
/// statements, whose conditions have the semantics of <see cref="ShipmentFilter.Matches(Shipment)"/>.
/// </summary>
internal static class ShipmentParameters
{
    public static Dictionary<string, object?> For(ShipmentExpansion expansion) =>
        For(expansion.PartyIds.Distinct(StringComparer.Ordinal).ToArray(), expansion.Filter ?? ShipmentFilter.None, expansion.Limit);

    public static Dictionary<string, object?> For(IReadOnlyCollection<string> partyIds, ShipmentFilter filter, int limit)
    {
        var parameters = Filter(filter);
        parameters["ids"] = partyIds.ToList();
        parameters["limit"] = (long)limit;
        return parameters;
    }

    /// <summary>Whether <paramref name="query"/> goes to the statement with the date range, which the date index can serve.</summary>
    public static bool IsDated(TradeFlowQuery query) => query.Filter.From is not null || query.Filter.To is not null;

    public static Dictionary<string, object?> For(TradeFlowQuery query)
    {
        var parameters = Filter(query.Filter);
        if (IsDated(query))
        {
            // An open side is the widest day, so that both bounds are always bound and the index range is one plan.
            parameters["from"] ??= Values.Day(DateOnly.MinValue);
            parameters["to"] ??= Values.Day(DateOnly.MaxValue);
        }
        else
        {
            parameters.Remove("from");
            parameters.Remove("to");
        }

        parameters["chplOnly"] = query.ChplOnly;
        parameters["senderCountries"] = (query.SenderCountries ?? []).ToList();
        parameters["receiverCountries"] = (query.ReceiverCountries ?? []).ToList();
        parameters["byMonth"] = query.ByMonth;
        parameters["bySenderCountry"] = query.GroupBy.Contains(TradeFlowDimension.SenderCountry);
        parameters["byReceiverCountry"] = query.GroupBy.Contains(TradeFlowDimension.ReceiverCountry);
        parameters["byHs6"] = query.GroupBy.Contains(TradeFlowDimension.Hs6);
        parameters["byHs4"] = query.GroupBy.Contains(TradeFlowDimension.Hs4);
        parameters["byChplTier"] = query.GroupBy.Contains(TradeFlowDimension.ChplTier);
        return parameters;
    }

    private static Dictionary<string, object?> Filter(ShipmentFilter filter) => new(StringComparer.Ordinal)
    {
        ["from"] = Values.Day(filter.From),
        ["to"] = Values.Day(filter.To),
        // Prefixes without digits match nothing, as in HsCode.StartsWith: the condition applies even when none is left.
        ["byHsPrefix"] = filter.HsPrefixes is { Count: > 0 },
        ["hsPrefixes"] = (filter.HsPrefixes ?? []).Select(HsCode.Normalize).OfType<HsCode>().Select(h => h.Digits).Distinct(StringComparer.Ordinal).ToList(),
        ["tiers"] = (filter.Tiers ?? []).Select(t => Values.Tier(t)).ToList(),
        ["minValueUsd"] = filter.MinValueUsd,
    };
}
