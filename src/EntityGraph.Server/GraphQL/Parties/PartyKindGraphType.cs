using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>PartyKind</c> enum.</summary>
public sealed class PartyKindGraphType : EnumerationGraphType
{
    public PartyKindGraphType()
    {
        Name = "PartyKind";
        Description = "What kind of party a node is.";
        Add("COMPANY", PartyKind.Company, "A company (FtM Company).");
        Add("ORGANIZATION", PartyKind.Organization, "An organization that is not a company: an agency, a public body, an association (FtM Organization).");
        Add("PERSON", PartyKind.Person, "A natural person (FtM Person).");
        Add("LEGAL_ENTITY", PartyKind.LegalEntity, "A party of unknown kind, e.g. a name on a customs form (FtM LegalEntity).");
    }
}
