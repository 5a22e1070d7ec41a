using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>The <c>LinkKind</c> enum.</summary>
public sealed class LinkKindGraphType : EnumerationGraphType
{
    public LinkKindGraphType()
    {
        Name = "LinkKind";
        Description = "The directed relationships of the graph.";
        Add("OWNS", LinkKind.Owns, "Owner → asset (FtM Ownership): percentage, shares, dates.");
        Add("DIRECTS", LinkKind.Directs, "Director → organization (FtM Directorship).");
        Add("CONTROLS", LinkKind.Controls, "Controller → controlled (FtM Control).");
        Add("REPRESENTS", LinkKind.Represents, "Agent → client, e.g. a freight forwarder (FtM Representation).");
        Add("RELATED_TO", LinkKind.RelatedTo, "Family, associates and unknown links (FtM Family, Associate, UnknownLink).");
        Add("REGISTERED_AT", LinkKind.RegisteredAt, "Party → address.");
        Add("SANCTIONED_BY", LinkKind.SanctionedBy, "Party → sanction.");
        Add("SENT", LinkKind.Sent, "Sender → shipment.");
        Add("RECEIVED", LinkKind.Received, "Shipment → receiver.");
        Add("DECLARED", LinkKind.Declared, "Declarant → shipment.");
    }
}
