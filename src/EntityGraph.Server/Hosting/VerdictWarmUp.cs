using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;

namespace EntityGraph.Server.Hosting;

/// <summary>
/// Once the trade index is current, judges every trading party under the OFAC rule as of today, in the
/// background, so that a trace through a busy intermediary finds its customers' verdicts already known.
/// Judged again whenever the data changes or the day turns; other rules and days are judged when asked.
/// </summary>
internal sealed class VerdictWarmUp(IGraphStore store, RestrictionCache cache, ILogger<VerdictWarmUp> logger, IndexedGraphStore? indexed = null) : BackgroundService
{
    private const int Batch = 2_000;

    /// <summary>Whether the verdicts of today's data are all known (for /health/ready).</summary>
    public bool Warm { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (indexed is null)
            return;
        (long Version, DateOnly Day)? done = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await indexed.WarmUpAsync(stoppingToken);
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                if (indexed.Current is { } current && done != (current.Version, today) && current.Version == await store.GetDataVersionAsync(stoppingToken))
                {
                    Warm = false;
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    // Read past the party cache: judging every party would only churn it.
                    var restrictions = new OwnershipRuleRestrictions(indexed.Inner, OwnershipRule.Ofac, today, cache);
                    // Judged by number, so that traces over the index read each verdict from an array.
                    var parties = current.Index.Parties;
                    var restricted = new Dictionary<int, Restriction>();
                    for (var i = 0; i < parties.Count && !stoppingToken.IsCancellationRequested; i += Batch)
                    {
                        await restrictions.JudgeAsync(current.Index, [.. Enumerable.Range(i, Math.Min(Batch, parties.Count - i))], restricted, stoppingToken);
                        restricted.Clear();
                    }
                    done = (current.Version, today);
                    Warm = true;
                    logger.LogInformation("Restriction verdicts known for {Parties} trading parties (OFAC, {Day}), judged in {Seconds:N1} s", parties.Count, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), clock.Elapsed.TotalSeconds);
                }
            }
            catch (StoreUnavailableException e)
            {
                logger.LogDebug("Judging the trading parties in advance waits for the store: {Reason}", e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Judging the trading parties in advance failed; traces judge them as they go");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }
}
