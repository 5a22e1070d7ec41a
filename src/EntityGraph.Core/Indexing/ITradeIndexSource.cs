namespace EntityGraph.Core.Indexing;

/// <summary>
/// Where analyses find the in-memory trade index of the store they read, when the store keeps one
/// (<see cref="IndexedGraphStore"/> does). Resolved once by whoever composes the analysis; an analysis
/// given none reads everything from the store.
/// </summary>
public interface ITradeIndexSource
{
    /// <summary>Whether an index is current right now (as of the last check).</summary>
    bool IndexReady { get; }

    /// <summary>
    /// How many shipments each party has, read from the current index, so that a path search can read the
    /// links around the cheaper of its two ends; null while there is no current index.
    /// </summary>
    PartyShipmentCounts? ShipmentCounts { get; }

    /// <summary>The index if it is current; otherwise starts a build (unless one runs) and returns null.</summary>
    Task<TradeIndex?> CurrentIndexAsync(CancellationToken cancellationToken);
}
