using GraphQL.DataLoader;

namespace EntityGraph.Server.GraphQL.Loading;

/// <summary>A pending value passed through a function once it is known.</summary>
internal sealed class MappedResult<TSource, TResult>(IDataLoaderResult<TSource> source, Func<TSource, TResult> map) : IDataLoaderResult<TResult>
{
    public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await source.GetResultAsync(cancellationToken));

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
