namespace EntityGraph.Storage.Neo4j;

/// <summary>
/// The store's indexes were still being populated when the start-up wait ended; the message says how far
/// each has come. Initializing again (the schema commands are idempotent) waits for them again.
/// </summary>
public sealed class IndexesNotOnlineException : TimeoutException
{
    /// <summary>Creates the exception with the progress of the indexes that are not online.</summary>
    public IndexesNotOnlineException(string message)
        : base(message)
    {
    }
}
