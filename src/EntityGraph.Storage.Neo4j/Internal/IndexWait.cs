using System.Globalization;
using EntityGraph.Storage.Neo4j.QueryApi;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>
/// Waits until the store's indexes are online by reading their states every <c>pollEvery</c>, up to
/// <c>limit</c> in all. Each look is a short read that answers at once, so the wait never outlasts the
/// request timeout and never counts as a failure towards the circuit breaker, as one long
/// <c>db.awaitIndexes</c> call would.
/// </summary>
internal sealed class IndexWait(IQueryRunner runner, TimeSpan limit, TimeSpan pollEvery, TimeProvider time)
{
    /// <exception cref="IndexesNotOnlineException">Some indexes were still populating when <c>limit</c> had passed.</exception>
    /// <exception cref="Neo4jException">An index failed to populate, which only an administrator can mend.</exception>
    public async Task UntilOnlineAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var pending = await PendingAsync(cancellationToken);
            if (pending.Count == 0)
                return;
            if (pending.Where(p => p.State == "FAILED").Select(p => p.Name).ToList() is { Count: > 0 } failed)
            {
                throw new Neo4jException(
                    "EntityGraph.IndexFailed",
                    $"The Neo4j indexes {string.Join(", ", failed)} failed to populate; SHOW INDEXES YIELD name, failureMessage tells why, and dropping them lets initializing create them again.");
            }

            var elapsed = time.GetElapsedTime(started);
            if (elapsed + pollEvery > limit)
            {
                throw new IndexesNotOnlineException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{pending.Count} Neo4j indexes are not online after {elapsed.TotalSeconds:0} s: {string.Join(", ", pending.Select(p => $"{p.Name} {p.State.ToLowerInvariant()} {p.Percent:0.#} %"))}"));
            }

            await Task.Delay(pollEvery, time, cancellationToken);
        }
    }

    private async Task<List<(string Name, string State, double Percent)>> PendingAsync(CancellationToken cancellationToken)
    {
        // Read like the searches that need the indexes, after the bookmarks of the schema commands.
        var result = await runner.ReadAsync(CypherStatements.Query(Queries.IndexStates), new Dictionary<string, object?>(), cancellationToken);
        if (result.Values.Count == 0)
            return [];
        return result.Column("name").Zip(result.Column("state"), result.Column("populationPercent"))
            .Select(r => (Values.RequiredText(r.First, "name"), Values.Text(r.Second) ?? "UNKNOWN", Values.Number(r.Third) ?? 0))
            .ToList();
    }
}
