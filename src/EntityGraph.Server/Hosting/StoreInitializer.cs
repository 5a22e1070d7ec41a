using EntityGraph.Core.Storage;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.Hosting;

/// <summary>
/// Before the server takes requests: creates or migrates the database, loads the bundled demo case
/// into a database that did not exist yet (unless told not to), and logs what is being served.
/// </summary>
internal sealed class StoreInitializer(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.Path);
        // Looked at before the store is created, because creating the store creates the file.
        var isNew = !File.Exists(path);
        var store = services.GetRequiredService<IGraphStore>();
        await store.InitializeAsync(cancellationToken);
        if (isNew && options.Value.LoadDemoCase)
        {
            var summary = await DemoCase.LoadAsync(store, cancellationToken);
            logger.LogInformation("New database: loaded the bundled demo case ({Accepted} entities, {Rejected} rejected) as dataset {Dataset}", summary.Accepted, summary.Rejected, summary.Dataset);
        }

        var status = await store.GetStatusAsync(cancellationToken);
        logger.LogInformation("Serving database {Database} with {Entities} entities", status.Description, status.Entities);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
