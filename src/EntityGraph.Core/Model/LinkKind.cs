namespace EntityGraph.Core.Model;

/// <summary>The directed relationships of the graph.</summary>
public enum LinkKind
{
    /// <summary>Owner → asset (FtM <c>Ownership</c>).</summary>
    Owns,

    /// <summary>Director → organization (FtM <c>Directorship</c>).</summary>
    Directs,

    /// <summary>Controller → controlled (FtM <c>Control</c>).</summary>
    Controls,

    /// <summary>Agent → client, e.g. a freight forwarder (FtM <c>Representation</c>).</summary>
    Represents,

    /// <summary>Family, associates and unknown links (FtM <c>Family</c>, <c>Associate</c>, <c>UnknownLink</c>).</summary>
    RelatedTo,

    /// <summary>Party → address (FtM <c>addressEntity</c>).</summary>
    RegisteredAt,

    /// <summary>Party → sanction (FtM <c>Sanction.entity</c>).</summary>
    SanctionedBy,

    /// <summary>Sender → shipment.</summary>
    Sent,

    /// <summary>Shipment → receiver.</summary>
    Received,

    /// <summary>Declarant → shipment.</summary>
    Declared,
}
