using GraphQL.DataLoader;

namespace EntityGraph.Server.GraphQL.Loading;

/// <summary>
/// A pending value that, once known, leads to a second pending value (links, then the nodes they
/// point at). Returning the second result unawaited lets GraphQL.NET queue it behind the other
/// nodes of the level, so the second step is batched across the level as well.
/// </summary>
internal sealed class ThenResult<TFirst, TResult>(IDataLoaderResult<TFirst> first, Func<TFirst, IDataLoaderResult<TResult>> then) : IDataLoaderResult<TResult>
{
    public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
        await then(await first.GetResultAsync(cancellationToken)).GetResultAsync(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        then(await first.GetResultAsync(cancellationToken));
}
