using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Hosting;
using GraphQL;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.GraphQL.Loading;

/// <summary>Reaches the request's services from a resolver.</summary>
internal static class ResolveFieldContextExtensions
{
    public static GraphLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<GraphLoaders>();

    public static IGraphStore Store(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IGraphStore>();

    /// <summary>The store's in-memory trade index, if the server keeps one.</summary>
    public static ITradeIndexSource? TradeIndex(this IResolveFieldContext context) =>
        context.RequestServices!.GetService<ITradeIndexSource>();

    public static LimitsOptions Limits(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IOptions<LimitsOptions>>().Value;
}
