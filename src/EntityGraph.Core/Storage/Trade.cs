using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>
/// A shipment as a trace searches with it: who sent it to whom, when, its value and CHPL tier. Reading
/// these instead of whole shipments keeps a hop over thousands of shipments cheap; the whole records are
/// read afterwards for the routes that are returned. The HS code is there so that filters can be checked.
/// <see cref="Links"/> is filled in only by <see cref="IGraphStore.StreamTradesAsync"/>, by stores that can.
/// </summary>
public sealed record Trade(
    string ShipmentId,
    string? SenderId,
    string? ReceiverId,
    PartialDate? Date,
    double? ValueUsd,
    ChplTier? ChplTier,
    HsCode? HsCode = null,
    TradeLinks? Links = null);

/// <summary>
/// What a shipment's role links hold beyond its trade: the provenance they are cited with (the shipment's
/// own), the senders and receivers after the first, its declarants, and whether any other link touches it.
/// With these for every shipment, a <see cref="TradeIndex"/> answers the sender and receiver links around a
/// party, and every link around a shipment, as the store would.
/// </summary>
/// <param name="Datasets">The datasets that carry the shipment, sorted.</param>
/// <param name="FirstSeen">When any dataset first carried it.</param>
/// <param name="LastSeen">When any dataset last carried it.</param>
/// <param name="OtherSenderIds">Senders after <see cref="Trade.SenderId"/>; empty for most shipments.</param>
/// <param name="OtherReceiverIds">Receivers after <see cref="Trade.ReceiverId"/>; empty for most shipments.</param>
/// <param name="DeclarantIds">Its declarants, the first one first.</param>
/// <param name="HasOtherLinks">Whether a link other than its senders', receivers' and declarants' starts or ends at it.</param>
public sealed record TradeLinks(
    IReadOnlyList<string> Datasets,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> OtherSenderIds,
    IReadOnlyList<string> OtherReceiverIds,
    IReadOnlyList<string> DeclarantIds,
    bool HasOtherLinks);
