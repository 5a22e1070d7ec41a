using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.Hosting;

/// <summary>
/// Before the server takes requests: creates or migrates the database (or the Neo4j schema), loads the
/// bundled demo case into a SQLite file that did not exist yet (unless told not to), and logs what is
/// being served. A Neo4j server that cannot be reached yet does not stop the start: requests get
/// <c>STORE_UNAVAILABLE</c>, <c>/health/ready</c> says not ready, and the schema is set up as soon as the
/// server answers.
/// </summary>
internal sealed class StoreInitializer(IServiceProvider services, IOptions<DatabaseOptions> options, StoreSelection selection, ILogger<StoreInitializer> logger) : IHostedService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Looked at before the store is created, because creating the store creates the file. A Neo4j
        // database is never filled unasked: the demo case goes in with `import --store neo4j`.
        var isNew = selection.Kind == StoreKind.Sqlite && !File.Exists(Path.GetFullPath(options.Value.Path));
        var store = services.GetRequiredService<IGraphStore>();
        try
        {
            await InitializeAsync(store, isNew, cancellationToken);
        }
        catch (Exception e) when (selection.Kind == StoreKind.Neo4j && IsNotYet(e))
        {
            // A server that is down, or still populating the indexes of a large freshly imported database
            // after the store's bounded wait, is not a reason to stop: the schema commands are idempotent.
            logger.LogWarning("{Reason}. Serving anyway: requests answer STORE_UNAVAILABLE and /health/ready is not ready until the store answers; trying again every {Seconds} s", e.Message, RetryEvery.TotalSeconds);
            _retrying = RetryAsync(store, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _retrying.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task InitializeAsync(IGraphStore store, bool isNew, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (isNew && options.Value.LoadDemoCase)
        {
            var summary = await DemoCase.LoadAsync(store, cancellationToken);
            logger.LogInformation("New database: loaded the bundled demo case ({Accepted} entities, {Rejected} rejected) as dataset {Dataset}", summary.Accepted, summary.Rejected, summary.Dataset);
        }

        var status = await store.GetStatusAsync(cancellationToken);
        logger.LogInformation("Serving database {Database} with {Entities} entities", status.Description, status.Entities);
    }

    private async Task RetryAsync(IGraphStore store, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryEvery, stopping);
                await InitializeAsync(store, isNew: false, stopping);
                return;
            }
            catch (Exception e) when (IsNotYet(e))
            {
                // Index population is progress an operator waits for; a server still down was already reported.
                logger.Log(e is IndexesNotOnlineException ? LogLevel.Information : LogLevel.Debug, "{Reason}; trying again in {Seconds} s", e.Message, RetryEvery.TotalSeconds);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Setting up the store failed; trying again in {Seconds} s", RetryEvery.TotalSeconds);
            }
        }
    }

    private static bool IsNotYet(Exception e) => e is StoreUnavailableException or TimeoutException;
}
