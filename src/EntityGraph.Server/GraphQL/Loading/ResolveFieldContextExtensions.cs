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

    public static LimitsOptions Limits(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IOptions<LimitsOptions>>().Value;
}
