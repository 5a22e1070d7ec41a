using EntityGraph.Core.Model;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>
/// What one merged FtM entity contributes to the graph: at most one typed node, the links read from
/// it, and the text to index for search. Stores write exactly this, so they agree on the model.
/// </summary>
public sealed record GraphProjection(
    Party? Party,
    Address? Address,
    Sanction? Sanction,
    Shipment? Shipment,
    IReadOnlyList<Link> Links,
    string? SearchText);
