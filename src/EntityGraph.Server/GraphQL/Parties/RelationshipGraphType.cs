using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>Relationship</c> type: a directorship, control, representation or family/associate link.</summary>
public sealed class RelationshipGraphType : ObjectGraphType<PartyLink>
{
    public RelationshipGraphType()
    {
        Name = "Relationship";
        Description = "A link between two parties other than ownership (directorship, control, representation, family, associate), seen from one of them: `party` is the other side.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The id of the FtM entity that states the link, to cite it.").Resolve(c => c.Source.Link.Id);
        Field<NonNullGraphType<LinkKindGraphType>>("kind").Description("The kind of link.").Resolve(c => c.Source.Link.Kind);
        Field<NonNullGraphType<StringGraphType>>("schema").Description("The FtM schema the link was read from (Directorship, Control, Representation, Family, Associate, UnknownLink).").Resolve(c => c.Source.Link.Schema);
        Field<PartyInterface>("party").Description("The party at the other end. Null when the source names an id the graph does not hold.").Resolve(c => c.Loaders().Party(c.Source.PartyId));
        Field<PartyInterface>("source").Description("The party the link starts from (director, controller, agent, subject).").Resolve(c => c.Loaders().Party(c.Source.Link.SourceId));
        Field<PartyInterface>("target").Description("The party the link points to (organization, controlled party, client, relative).").Resolve(c => c.Loaders().Party(c.Source.Link.TargetId));
        Field<StringGraphType>("role").Description("Role, control type or relationship as the source states it (\"director\", \"nominee\", \"spouse\").").Resolve(c => c.Source.Link.Role);
        Field<StringGraphType>("status").Description("The status as the source states it.").Resolve(c => c.Source.Link.Status);
        Field<PartialDateGraphType>("startDate").Description("When the link began.").Resolve(c => c.Source.Link.StartDate);
        Field<PartialDateGraphType>("endDate").Description("When the link ended; null while current.").Resolve(c => c.Source.Link.EndDate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("datasets").Description("The datasets that state the link.").Resolve(c => c.Source.Link.Provenance.Datasets);
    }
}
