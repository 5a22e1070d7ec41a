using GraphQL.DataLoader;

namespace EntityGraph.Server.GraphQL.Loading;

/// <summary>Several pending values awaited as one list, skipping keys the store does not hold.</summary>
internal sealed class ManyResult<T>(IReadOnlyList<IDataLoaderResult<T?>> items) : IDataLoaderResult<IReadOnlyList<T>>
    where T : class
{
    public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var values = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (await item.GetResultAsync(cancellationToken) is { } value)
                values.Add(value);
        }

        return values;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
