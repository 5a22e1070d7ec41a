using EntityGraph.Core.Analysis.Paths;
using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Graph;
using EntityGraph.Server.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Paths;

/// <summary>The <c>paths</c> root field: its arguments, their checks, and the connections drawn as graph paths.</summary>
internal static class PathsField
{
    private const string Description =
        "The shortest connections between two nodes over any links, followed either way: paths with no node twice, shortest first, " +
        "then by the ids of their nodes and of their links. When fewer shortest paths exist than `limit`, longer ones (up to `maxHops`) follow. " +
        "Shipments and addresses are nodes, so two parties on one shipment or at one address are 2 hops apart. " +
        "Links count whatever their dates. Parallel links between the same two nodes (an ownership and a directorship) are different evidence and make different paths. " +
        "The search reads a bounded number of links; when that bound cut it, shorter or other paths may exist, " +
        "and the response says so with `extensions.truncated.<field>: true`.";

    public static void AddPathsField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphPathGraphType>>>>("paths")
            .Description(Description)
            .Argument<NonNullGraphType<IdGraphType>>("fromId", "The FtM id of the node the paths start from.")
            .Argument<NonNullGraphType<IdGraphType>>("toId", "The FtM id of the node the paths end at; not the same as `fromId`.")
            .Argument<IntGraphType>("maxHops", "The most links in a path, 1 to 10.", a => a.DefaultValue = 6)
            .Argument<ListGraphType<NonNullGraphType<LinkKindGraphType>>>("links", "Only follow these kinds of link; all when absent.")
            .Argument<IntGraphType>("limit", "The most paths to return, 1 to 100.", a => a.DefaultValue = 10)
            .WithComplexityImpact(AnalysisComplexity.Paths)
            .ResolveAsync(async c => await PathsAsync(c));

    /// <summary>The paths asked for, each with its nodes in order from <c>fromId</c> to <c>toId</c> and its edges in order.</summary>
    private static async Task<IReadOnlyList<GraphPath>> PathsAsync(IResolveFieldContext context)
    {
        var limits = context.Limits();
        var fromId = context.GetArgument<string>("fromId");
        var toId = context.GetArgument<string>("toId");
        var maxHops = context.GetArgument("maxHops", 6);
        var limit = context.GetArgument("limit", 10);
        if (fromId == toId)
            throw GraphErrors.BadUserInput($"toId: '{toId}' is also fromId; expected two different nodes.");
        if (maxHops < 1)
            throw GraphErrors.BadUserInput($"maxHops: {maxHops} is less than 1; expected 1 to {limits.MaxPathHops}.");
        if (maxHops > limits.MaxPathHops)
            throw GraphErrors.LimitExceeded($"maxHops: {maxHops} is more than the longest path allowed, {limits.MaxPathHops}.");
        if (limit < 1)
            throw GraphErrors.BadUserInput($"limit: {limit} is less than 1; expected 1 to {limits.MaxPaths}.");
        if (limit > limits.MaxPaths)
            throw GraphErrors.LimitExceeded($"limit: {limit} is more than the most paths allowed, {limits.MaxPaths}.");

        var store = context.Store();
        var ends = (await store.GetEntitiesAsync([fromId, toId], context.CancellationToken)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = new[] { ("fromId", fromId), ("toId", toId) }.Where(a => !ends.Contains(a.Item2)).Select(a => $"{a.Item1}: no node has the id '{a.Item2}'.").ToList();
        if (unknown.Count > 0)
            throw GraphErrors.NotFound(string.Join(" ", unknown));

        var kinds = context.GetArgument<List<LinkKind>?>("links");
        var result = await new PathFinder(store, context.TradeIndex()).FindAsync(
            new PathQuery { FromId = fromId, ToId = toId, MaxHops = maxHops, Kinds = kinds, Limit = limit, LinkBudget = limits.PathLinkBudget },
            context.CancellationToken);
        if (result.Truncated)
            context.SetOutputExtension($"truncated.{context.FieldAst.Alias?.Name.StringValue ?? context.FieldAst.Name.StringValue}", true);

        var nodeIds = result.Connections.SelectMany(c => c.NodeIds).Distinct(StringComparer.Ordinal).ToList();
        var entities = nodeIds.Count == 0
            ? []
            : (await store.GetEntitiesAsync(nodeIds, context.CancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var nodes = nodeIds.ToDictionary(id => id, id => GraphNode.Of(id, entities), StringComparer.Ordinal);
        return [.. result.Connections.Select(c => new GraphPath(
            [.. c.NodeIds.Select(id => nodes[id])],
            [.. c.Links.Select(l => new GraphEdge(l, l.Share?.Text ?? l.Role))]))];
    }
}
