using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>
/// A shipment as a trace searches with it: who sent it to whom, when, its value and CHPL tier. Reading
/// these instead of whole shipments keeps a hop over thousands of shipments cheap; the whole records are
/// read afterwards for the routes that are returned. The HS code is there so that filters can be checked.
/// </summary>
public sealed record Trade(string ShipmentId, string? SenderId, string? ReceiverId, PartialDate? Date, double? ValueUsd, ChplTier? ChplTier, HsCode? HsCode = null);
