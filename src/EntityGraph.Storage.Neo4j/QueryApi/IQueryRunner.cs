namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>
/// What the Neo4j store needs from the Query API client: reads in auto-commit requests with
/// <c>accessMode: "Read"</c> (after the bookmarks of this runner's latest write), and writes as whole
/// explicit transactions, retried as a whole on transient failures because every store statement
/// is idempotent (<c>MERGE</c> on id).
/// </summary>
public interface IQueryRunner
{
    /// <summary>Runs one read statement. Parameters are a JSON-serialisable map (strings, numbers, booleans, lists, maps, null).</summary>
    Task<QueryResult> ReadAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in an explicit transaction and commits it; rolls back when it
    /// throws. On a transient failure the whole transaction is run again, within the retry budget,
    /// so <paramref name="work"/> must be safe to repeat.
    /// </summary>
    Task<T> WriteAsync<T>(Func<IQueryTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>An open explicit transaction.</summary>
public interface IQueryTransaction
{
    Task<QueryResult> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);
}

/// <summary>
/// One statement's answer: field names and rows of decoded values. Values are <c>null</c>,
/// <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="byte"/>[] (Base64), <see cref="IReadOnlyList{T}"/> of values, <see cref="IReadOnlyDictionary{TKey,TValue}"/>
/// of string to value, the temporal types (<see cref="DateOnly"/>, <see cref="TimeOnly"/> for LocalTime,
/// <see cref="DateTime"/> for LocalDateTime, <see cref="DateTimeOffset"/> for OffsetDateTime, and the
/// client's own records for Time, ZonedDateTime, Duration, Point), and the client's Node, Relationship
/// and Path records.
/// </summary>
public sealed record QueryResult(IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<object?>> Values, IReadOnlyList<string> Bookmarks)
{
    /// <summary>The value of <paramref name="field"/> in each row.</summary>
    public IEnumerable<object?> Column(string field)
    {
        var index = Fields.ToList().IndexOf(field);
        if (index < 0)
        {
            throw new KeyNotFoundException($"The result has no field '{field}' (it has: {string.Join(", ", Fields)}).");
        }

        return Values.Select(row => row[index]);
    }
}
