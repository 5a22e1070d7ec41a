using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Hosting;
using EntityGraph.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.Tests.Support;

/// <summary>
/// Serves the real SQLite store through a decorator (instrumentation or fault injection), without the
/// in-memory trade index, so that every read reaches the decorator.
/// </summary>
public static class StoreDecoration
{
    public static Action<IServiceCollection> With(Func<IGraphStore, IGraphStore> decorate) => services =>
    {
        services.RemoveAll<IndexedGraphStore>();
        services.RemoveAll<ITradeIndexSource>();
        services.AddSingleton(sp => decorate(new SqliteGraphStore(new SqliteStoreOptions
        {
            Path = Path.GetFullPath(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Path),
        })));
    };
}
