using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>The <c>LinkKind</c> enum.</summary>
public sealed class LinkKindGraphType() : DescribedEnumGraphType(
    "LinkKind",
    "The directed relationships of the graph.",
    ("OWNS", LinkKind.Owns, "Owner → asset (FtM Ownership): percentage, shares, dates."),
    ("DIRECTS", LinkKind.Directs, "Director → organization (FtM Directorship)."),
    ("CONTROLS", LinkKind.Controls, "Controller → controlled (FtM Control)."),
    ("REPRESENTS", LinkKind.Represents, "Agent → client, e.g. a freight forwarder (FtM Representation)."),
    ("RELATED_TO", LinkKind.RelatedTo, "Family, associates and unknown links (FtM Family, Associate, UnknownLink)."),
    ("REGISTERED_AT", LinkKind.RegisteredAt, "Party → address."),
    ("SANCTIONED_BY", LinkKind.SanctionedBy, "Party → sanction."),
    ("SENT", LinkKind.Sent, "Sender → shipment."),
    ("RECEIVED", LinkKind.Received, "Shipment → receiver."),
    ("DECLARED", LinkKind.Declared, "Declarant → shipment."));
