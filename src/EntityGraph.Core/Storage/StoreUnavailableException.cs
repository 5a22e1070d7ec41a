namespace EntityGraph.Core.Storage;

/// <summary>
/// The configured store cannot be reached right now (connection refused, the server reports itself
/// unavailable, or repeated failures have opened the circuit). The request may succeed later; clients
/// see it as <c>STORE_UNAVAILABLE</c>.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="store"/> (e.g. "Neo4j at http://db:7474") failing because of <paramref name="cause"/>.</summary>
    public StoreUnavailableException(string store, string cause, Exception? innerException = null)
        : base($"The {store} store is unavailable: {cause}", innerException)
    {
        Store = store;
        Cause = cause;
    }

    /// <summary>Which store failed, without credentials.</summary>
    public string Store { get; }

    /// <summary>Why it is unavailable.</summary>
    public string Cause { get; }
}
