namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>
/// A Cypher DURATION. Months, days and seconds are kept apart, as Neo4j keeps them, because a month
/// or a day has no fixed length in seconds.
/// </summary>
/// <param name="Months">Whole months (years count as 12).</param>
/// <param name="Days">Whole days (weeks count as 7).</param>
/// <param name="Seconds">Whole seconds (hours and minutes folded in).</param>
/// <param name="Nanoseconds">The sub-second part, 0 to 999 999 999.</param>
public sealed record Neo4jDuration(long Months, long Days, long Seconds, int Nanoseconds);
