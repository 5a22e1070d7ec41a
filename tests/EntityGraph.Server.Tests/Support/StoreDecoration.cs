using EntityGraph.Core.Storage;
using EntityGraph.Server.Hosting;
using EntityGraph.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.Tests.Support;

/// <summary>Wraps the real SQLite store the server registers in a decorator (instrumentation or fault injection).</summary>
public static class StoreDecoration
{
    public static Action<IServiceCollection> With(Func<IGraphStore, IGraphStore> decorate) => services =>
        services.AddSingleton(sp => decorate(new SqliteGraphStore(new SqliteStoreOptions
        {
            Path = Path.GetFullPath(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Path),
        })));
}
