namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>A Cypher ZONED TIME (<c>Time</c>): a time of day with a UTC offset.</summary>
/// <param name="Time">The local time of day.</param>
/// <param name="Offset">Its offset from UTC.</param>
public sealed record Neo4jTime(TimeOnly Time, TimeSpan Offset);
