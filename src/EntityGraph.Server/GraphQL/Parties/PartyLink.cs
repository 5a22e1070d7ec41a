using EntityGraph.Core.Model;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>A link seen from one of its parties: the link and the party at its other end.</summary>
/// <param name="Link">The link.</param>
/// <param name="PartyId">The party at the other end from the one asked about.</param>
public sealed record PartyLink(Link Link, string PartyId)
{
    public static PartyLink From(Link link, string seenFrom) => new(link, link.SourceId == seenFrom ? link.TargetId : link.SourceId);
}
