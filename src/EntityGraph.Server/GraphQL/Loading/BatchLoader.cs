using GraphQL.DataLoader;

namespace EntityGraph.Server.GraphQL.Loading;

/// <summary>
/// Collects the keys that resolvers ask for while GraphQL.NET walks one level of the result, then
/// fetches them all in one call when the first pending result is awaited. Results are cached for
/// the request. One instance lives per request (see <see cref="GraphLoaders"/>).
/// </summary>
internal sealed class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _fetched = [];
    private readonly HashSet<TKey> _pending = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _dispatch = new(1, 1);

    public BatchLoader(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    /// <summary>A pending value for a key; null (default) when the store does not hold it.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_fetched.Contains(key))
                _pending.Add(key);
        }

        return new Pending(this, key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_fetched.Contains(key))
                    return _loaded.TryGetValue(key, out var value) ? value : default;
            }

            await _dispatch.WaitAsync(cancellationToken);
            try
            {
                TKey[] batch;
                lock (_gate)
                {
                    if (_fetched.Contains(key))
                        continue;
                    _pending.Add(key);
                    batch = [.. _pending];
                    _pending.Clear();
                }

                var values = await _fetch(batch, cancellationToken);
                lock (_gate)
                {
                    foreach (var k in batch)
                    {
                        _fetched.Add(k);
                        if (values.TryGetValue(k, out var v))
                            _loaded[k] = v;
                    }
                }
            }
            finally
            {
                _dispatch.Release();
            }
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
