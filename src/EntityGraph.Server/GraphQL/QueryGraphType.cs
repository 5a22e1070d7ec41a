using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Graph;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Ownership;
using EntityGraph.Server.GraphQL.Parties;
using EntityGraph.Server.GraphQL.Paths;
using EntityGraph.Server.GraphQL.Shipments;
using EntityGraph.Server.GraphQL.Tracing;
using EntityGraph.Server.GraphQL.TradeFlows;
using EntityGraph.Server.Hosting;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.GraphQL;

/// <summary>The <c>Query</c> root: look parties and shipments up, search, and draw neighbourhoods.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Description = "Look up parties and shipments, search parties by name, and draw the neighbourhood of a set of nodes.";

        Field<PartyInterface>("party")
            .Description("The party with this id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The FtM id.")
            .Resolve(c => c.Loaders().Party(c.GetArgument<string>("id")));

        Field<ShipmentGraphType>("shipment")
            .Description("The shipment (customs declaration) with this id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The FtM id of the EconomicActivity.")
            .Resolve(c => c.Loaders().Shipments.Load(c.GetArgument<string>("id")));

        Field<NonNullGraphType<PartyConnectionGraphType>>("search")
            .Description("Parties whose names match the text, best match first; accents, case and word order do not matter.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "What to look for: a name or part of one.")
            .Argument<ListGraphType<NonNullGraphType<PartyKindGraphType>>>("kinds", "Only parties of these kinds.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("countries", "Only parties linked to one of these countries (ISO-3166 alpha-2).")
            .Argument<IntGraphType>("first", "Page size.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "Continue after this cursor (`pageInfo.endCursor` of the previous page).")
            .ResolveAsync(SearchAsync);

        Field<NonNullGraphType<SubgraphGraphType>>("neighbourhood")
            .Description("The nodes within `depth` links of the given nodes, and the links between them, ready for a graph view. One store call per hop.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The nodes to start from.")
            .Argument<IntGraphType>("depth", "How many links away to go.", a => a.DefaultValue = 1)
            .Argument<ListGraphType<NonNullGraphType<LinkKindGraphType>>>("links", "Only follow these kinds of link; all when absent.")
            .Argument<IntGraphType>("limit", "The most nodes, and the most edges, to return; `truncated` says when the limit cut the result.", a => a.DefaultValue = 500)
            .ResolveAsync(NeighbourhoodAsync);

        Field<NonNullGraphType<TraceResultGraphType>>("traceChains")
            .Description("The intermediary chains by which goods went from a supplier to restricted end users (DOWNSTREAM), or reached an end user from suppliers in target countries (UPSTREAM), grouped by route, with the shipments as evidence, the end user's restriction and a score with its reasons.")
            .Argument<NonNullGraphType<TraceInputGraphType>>("input", "What to trace.")
            .ResolveAsync(TraceChains.ResolveAsync);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphPathGraphType>>>>("paths")
            .Description(PathsField.Description)
            .WithPathArguments()
            .ResolveAsync(PathsAsync);

        Field<NonNullGraphType<ExposureGraphType>>("exposure")
            .Description("Whether a party is blocked under the OFAC or EU 50% rule on a day, with the owners, percentages and sanctions behind the verdict and a sentence to quote.")
            .Argument<NonNullGraphType<IdGraphType>>("partyId", "The FtM id of the party.")
            .WithExposureArguments()
            .Resolve(c => c.Exposure(c.GetArgument<string>("partyId")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BeneficialOwnerGraphType>>>>("beneficialOwners")
            .Description("The natural persons holding at least `threshold` percent of a company today, summed over ownership chains, largest first.")
            .Argument<NonNullGraphType<IdGraphType>>("companyId", "The FtM id of the company.")
            .Argument<FloatGraphType>("threshold", "The least effective stake to report, in percent.", a => a.DefaultValue = 25.0)
            .Argument<IntGraphType>("maxDepth", "How many ownership levels to follow.", a => a.DefaultValue = 10)
            .ResolveAsync(BeneficialOwnersAsync);

        Field<NonNullGraphType<TradeFlowResultGraphType>>("tradeFlows")
            .Description("Shipment count and value per period and group (sender/receiver country, HS-6, HS-4, CHPL tier), with the change against the same group in the period before: the figure behind \"exports of high-priority items from Kyrgyzstan to Russia rose 145% in 2022\".")
            .WithTradeFlowArguments()
            .ResolveAsync(async c => await c.TradeFlowsAsync());
    }

    private static async Task<object?> BeneficialOwnersAsync(IResolveFieldContext context)
    {
        var companyId = context.GetArgument<string>("companyId");
        var threshold = context.GetArgument("threshold", 25.0);
        var maxDepth = context.GetArgument("maxDepth", 10);
        if (maxDepth is < 1 or > 20)
            throw GraphErrors.BadUserInput($"maxDepth: {maxDepth} is out of range; expected 1 to 20.");
        var store = context.Store();
        if ((await store.GetPartiesAsync([companyId], context.CancellationToken)).Count == 0)
            throw GraphErrors.NotFound($"companyId: no party has the id '{companyId}'.");
        var owners = await new BeneficialOwnerCalculator(store).CalculateAsync(companyId, threshold, maxDepth, DateOnly.FromDateTime(DateTime.UtcNow), context.CancellationToken);
        var links = (await store.GetLinksAsync([.. owners.SelectMany(o => o.Paths).SelectMany(p => p).Distinct()], context.CancellationToken)).ToDictionary(l => l.Id, StringComparer.Ordinal);
        var nodeIds = links.Values.SelectMany(l => new[] { l.SourceId, l.TargetId }).Distinct().ToList();
        var entities = (await store.GetEntitiesAsync(nodeIds, context.CancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        GraphNode Node(string id) => entities.TryGetValue(id, out var entity) ? NeighbourhoodExplorer.Node(entity) : NeighbourhoodExplorer.Unknown(id);
        return owners.Select(o => new BeneficialOwnerResult(o.PersonId, o.EffectivePercent, [.. o.Paths.Select(path =>
        {
            var edges = path.Where(links.ContainsKey).Select(id => links[id]).ToList();
            var nodes = edges.Select(l => l.SourceId).Append(edges.LastOrDefault()?.TargetId ?? companyId).Select(Node).ToList();
            return new GraphPath(nodes, [.. edges.Select(l => new GraphEdge(l, l.Share?.Text))]);
        })])).ToList();
    }

    private static async Task<object?> PathsAsync(IResolveFieldContext context) => await context.PathsAsync();

    private static async Task<object?> ExposureAsync(IResolveFieldContext context) =>
        await context.ExposureAsync(context.GetArgument<string>("partyId"));

    private static async Task<object?> SearchAsync(IResolveFieldContext context)
    {
        var text = context.GetArgument<string>("text");
        if (string.IsNullOrWhiteSpace(text))
            throw GraphErrors.BadUserInput("text is empty; expected a name or part of one.");
        var countries = context.GetArgument<List<string>?>("countries")?.Select(c => c.Trim().ToLowerInvariant()).ToArray();
        var after = context.GetArgument<string?>("after");
        var query = new PartySearch(text, context.GetArgument<List<PartyKind>?>("kinds"), countries, ShipmentArguments.ReadFirst(context), after);
        try
        {
            return await context.Store().SearchAsync(query, context.CancellationToken);
        }
        catch (Exception e) when (after is not null && e is ArgumentException or FormatException)
        {
            throw GraphErrors.BadUserInput($"after: '{after}' is not a cursor of this search; pass `pageInfo.endCursor` of the previous page.");
        }
    }

    private static async Task<object?> NeighbourhoodAsync(IResolveFieldContext context)
    {
        var limits = context.RequestServices!.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var ids = context.GetArgument<List<string>>("ids");
        var depth = context.GetArgument("depth", 1);
        var limit = context.GetArgument("limit", 500);
        if (ids.Count == 0)
            throw GraphErrors.BadUserInput("ids is empty; expected at least one node id.");
        if (ids.Count > limits.MaxIds)
            throw GraphErrors.LimitExceeded($"ids: {ids.Count} ids is more than the most allowed, {limits.MaxIds}.");
        if (depth < 0)
            throw GraphErrors.BadUserInput($"depth: {depth} is negative; expected 0 to {limits.MaxNeighbourhoodDepth}.");
        if (depth > limits.MaxNeighbourhoodDepth)
            throw GraphErrors.LimitExceeded($"depth: {depth} is more than the deepest neighbourhood allowed, {limits.MaxNeighbourhoodDepth}.");
        if (limit < 1)
            throw GraphErrors.BadUserInput($"limit: {limit} is less than 1; expected 1 to {limits.MaxNeighbourhoodLimit}.");
        if (limit > limits.MaxNeighbourhoodLimit)
            throw GraphErrors.LimitExceeded($"limit: {limit} is more than the largest neighbourhood allowed, {limits.MaxNeighbourhoodLimit}.");
        var kinds = context.GetArgument<List<LinkKind>?>("links");
        var subgraph = await new NeighbourhoodExplorer(context.Store()).ExploreAsync(ids, depth, kinds is { Count: > 0 } ? kinds : null, limit, context.CancellationToken);
        if (subgraph.Nodes.Count == 0)
            throw GraphErrors.NotFound($"None of the ids is in the graph: {string.Join(", ", ids.Take(10))}.");
        return subgraph;
    }
}
