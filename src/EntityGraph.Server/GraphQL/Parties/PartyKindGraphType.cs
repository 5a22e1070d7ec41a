using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>PartyKind</c> enum.</summary>
public sealed class PartyKindGraphType() : DescribedEnumGraphType(
    "PartyKind",
    "What kind of party a node is.",
    ("COMPANY", PartyKind.Company, "A company (FtM Company)."),
    ("ORGANIZATION", PartyKind.Organization, "An organization that is not a company: an agency, a public body, an association (FtM Organization)."),
    ("PERSON", PartyKind.Person, "A natural person (FtM Person)."),
    ("LEGAL_ENTITY", PartyKind.LegalEntity, "A party of unknown kind, e.g. a name on a customs form (FtM LegalEntity)."));
