using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.Hosting;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>traceChains</c> root field: checks the input against the limits, then runs the chain tracer with the ownership rule asked for.</summary>
internal static class TraceChainsField
{
    public static void AddTraceChainsField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<TraceResultGraphType>>("traceChains")
            .Description("The intermediary chains by which goods went from a supplier to restricted end users (DOWNSTREAM), or reached an end user from suppliers in target countries (UPSTREAM), grouped by route, with the shipments as evidence, the end user's restriction and a score with its reasons.")
            .Argument<NonNullGraphType<TraceInputGraphType>>("input", "What to trace.")
            .WithComplexityImpact(AnalysisComplexity.Trace)
            .ResolveAsync(ResolveAsync);

    private static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<TraceInput>("input");
        var limits = context.Limits();
        var query = ToQuery(input, limits);
        var store = context.Store();
        if ((await store.GetPartiesAsync([query.StartId], context.CancellationToken)).Count == 0)
            throw GraphErrors.NotFound($"startId: no party has the id '{query.StartId}'.");
        var cache = context.RequestServices!.GetRequiredService<RestrictionCache>();
        var tracer = new ChainTracer(store, new OwnershipRuleRestrictions(store, input.OwnershipRule, query.AsOf, cache), context.TradeIndex());
        return await tracer.TraceAsync(query, context.CancellationToken);
    }

    private static TraceQuery ToQuery(TraceInput input, LimitsOptions limits)
    {
        if (string.IsNullOrWhiteSpace(input.StartId))
            throw GraphErrors.BadUserInput("input.startId is empty; expected the id of a party.");
        if (input.MaxHops < 1)
            throw GraphErrors.BadUserInput($"input.maxHops: {input.MaxHops} is less than 1; expected 1 to {limits.MaxTraceHops}.");
        if (input.MaxHops > limits.MaxTraceHops)
            throw GraphErrors.LimitExceeded($"input.maxHops: {input.MaxHops} is more than the most hops a trace may take, {limits.MaxTraceHops}.");
        if (input.MaxDwellDays is < 0 or > 3650)
            throw GraphErrors.BadUserInput($"input.maxDwellDays: {input.MaxDwellDays} is out of range; expected 0 to 3650 days.");
        if (input.Limit < 0)
            throw GraphErrors.BadUserInput($"input.limit: {input.Limit} is negative; expected 0 to {limits.MaxPageSize}.");
        if (input.Limit > limits.MaxPageSize)
            throw GraphErrors.LimitExceeded($"input.limit: {input.Limit} is more than the most routes a trace may return, {limits.MaxPageSize}.");
        if (input.MinValueUsd < 0)
            throw GraphErrors.BadUserInput($"input.minValueUsd: {input.MinValueUsd} is negative; expected a value in US dollars of 0 or more.");
        if (input.HsPrefixes?.FirstOrDefault(p => HsCode.Normalize(p) is null) is { } prefix)
            throw GraphErrors.BadUserInput($"input.hsPrefixes: '{prefix}' is not an HS code prefix; expected at least two digits, e.g. \"8542\".");
        if (input.TargetCountries?.FirstOrDefault(c => !Countries.IsKnown(c)) is { } country)
            throw GraphErrors.BadUserInput($"input.targetCountries: '{country}' is not a country code; expected ISO-3166 alpha-2, e.g. \"ru\".");
        if (input.From is { } from && input.To is { } to && from.Earliest > to.Latest)
            throw GraphErrors.BadUserInput($"input.from: {from} is after input.to: {to}; no shipment could match.");

        return new TraceQuery
        {
            StartId = input.StartId,
            Direction = input.Direction,
            MaxHops = input.MaxHops,
            TimeRespecting = input.TimeRespecting,
            MaxDwellDays = input.MaxDwellDays,
            Filter = new ShipmentFilter(
                input.From?.Earliest,
                input.To?.Latest,
                input.HsPrefixes?.Select(p => HsCode.Normalize(p)!.Value.Digits).ToArray(),
                input.ChplTiers,
                input.MinValueUsd),
            TargetCountries = input.TargetCountries?.Select(c => Countries.Normalize(c)!).ToArray(),
            AsOf = input.AsOf?.Latest ?? DateOnly.FromDateTime(DateTime.UtcNow),
            Limit = input.Limit,
            ShipmentBudget = limits.MaxTraceShipments,
            TimeBudget = limits.TraceTimeBudget,
        };
    }
}
