namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>A Cypher ZONED DATETIME with a named time zone: the instant with its offset, and the zone's name.</summary>
/// <param name="DateTime">The date and time with the offset in force at that instant.</param>
/// <param name="Zone">The IANA time-zone name, e.g. <c>Europe/Berlin</c>.</param>
public sealed record Neo4jZonedDateTime(DateTimeOffset DateTime, string Zone);
