using EntityGraph.Core.Analysis.Subgraphs;
using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.Hosting;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>The <c>neighbourhood</c> root field: the link subgraph around a set of nodes, for a graph view.</summary>
internal static class LinkSubgraphField
{
    public static void AddLinkSubgraphField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<SubgraphGraphType>>("neighbourhood")
            .Description("The nodes within `depth` links of the given nodes, and the links between them, ready for a graph view. One store call per hop.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The nodes to start from.")
            .Argument<IntGraphType>("depth", "How many links away to go.", a => a.DefaultValue = 1)
            .Argument<ListGraphType<NonNullGraphType<LinkKindGraphType>>>("links", "Only follow these kinds of link; all when absent.")
            .Argument<IntGraphType>("limit", "The most nodes, and the most edges, to return; `truncated` says when the limit cut the result.", a => a.DefaultValue = 500)
            .WithComplexityImpact(AnalysisComplexity.Subgraph)
            .ResolveAsync(ResolveAsync);

    private static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var query = Read(context, context.Limits());
        var subgraph = await new SubgraphExplorer(context.Store()).ExploreAsync(query, context.CancellationToken);
        if (subgraph.NodeIds.Count == 0)
            throw GraphErrors.NotFound($"None of the ids is in the graph: {string.Join(", ", query.StartIds.Take(10))}.");
        return Subgraph.From(subgraph);
    }

    private static SubgraphQuery Read(IResolveFieldContext context, LimitsOptions limits)
    {
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
        return new SubgraphQuery(ids, depth, kinds is { Count: > 0 } ? kinds : null, limit);
    }
}
