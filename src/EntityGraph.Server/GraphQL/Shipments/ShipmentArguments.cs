using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Scalars;
using EntityGraph.Server.Hosting;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.GraphQL.Shipments;

/// <summary>The filter and page arguments of a party's shipment lists, and how they are read.</summary>
internal static class ShipmentArguments
{
    public static FieldBuilder<TSource, TReturn> WithShipmentArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<PartialDateGraphType>("from", "Only shipments that can fall on or after this date.")
        .Argument<PartialDateGraphType>("to", "Only shipments that can fall on or before this date.")
        .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("hsPrefixes", "Only shipments whose HS code starts with one of these digit prefixes (e.g. \"8542\").")
        .Argument<ListGraphType<NonNullGraphType<ChplTierGraphType>>>("chplTiers", "Only shipments of goods in these CHPL tiers.")
        .Argument<FloatGraphType>("minValueUsd", "Only shipments worth at least this much in US dollars.")
        .Argument<IntGraphType>("first", "Page size.", a => a.DefaultValue = 20)
        .Argument<StringGraphType>("after", "Start after this cursor (`pageInfo.endCursor` of the previous page).");

    public static ShipmentFilter ReadFilter(IResolveFieldContext context)
    {
        var from = context.GetArgument<PartialDate?>("from");
        var to = context.GetArgument<PartialDate?>("to");
        var prefixes = context.GetArgument<List<string>?>("hsPrefixes");
        if (prefixes?.FirstOrDefault(p => HsCode.Normalize(p) is null) is { } bad)
            throw GraphErrors.BadUserInput($"hsPrefixes: '{bad}' is not an HS code prefix; expected at least two digits, e.g. \"8542\".");
        var minValue = context.GetArgument<double?>("minValueUsd");
        if (minValue < 0)
            throw GraphErrors.BadUserInput($"minValueUsd: {minValue} is negative; expected a value in US dollars of 0 or more.");
        return new ShipmentFilter(
            from?.Earliest,
            to?.Latest,
            prefixes?.Select(p => HsCode.Normalize(p)!.Value.Digits).ToArray(),
            context.GetArgument<List<ChplTier>?>("chplTiers"),
            minValue);
    }

    public static int ReadFirst(IResolveFieldContext context)
    {
        var first = context.GetArgument("first", 20);
        var max = context.RequestServices!.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxPageSize;
        if (first < 0)
            throw GraphErrors.BadUserInput($"first: {first} is negative; expected 0 to {max}.");
        if (first > max)
            throw GraphErrors.LimitExceeded($"first: {first} is more than the largest page size, {max}.");
        return first;
    }

    public static ShipmentRole Role(string field) => field switch
    {
        "shipmentsSent" => ShipmentRole.Sender,
        "shipmentsReceived" => ShipmentRole.Receiver,
        _ => ShipmentRole.Declarant,
    };
}
