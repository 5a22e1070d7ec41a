using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>
/// The object type of one <see cref="PartyKind"/>, implementing the <c>Party</c> interface. The kinds differ only in
/// name, description and whether the party can be owned and have officers (every kind but a person).
/// </summary>
public abstract class PartyObjectGraphType : ObjectGraphType<Party>
{
    protected PartyObjectGraphType(string name, PartyKind kind, string description)
    {
        Name = name;
        Description = description;
        Interface<PartyInterface>();
        IsTypeOf = o => o is Party p && p.Kind == kind;
        PartyFields.AddCommonFields(this);
        if (kind != PartyKind.Person)
            PartyFields.AddOrganizationFields(this);
    }
}

/// <summary>The <c>Company</c> type.</summary>
public sealed class CompanyGraphType() : PartyObjectGraphType(
    "Company", PartyKind.Company, "A company (FtM Company): owned by shareholders, run by directors, trading goods.");

/// <summary>The <c>Organization</c> type.</summary>
public sealed class OrganizationGraphType() : PartyObjectGraphType(
    "Organization", PartyKind.Organization, "An organization that is not a company: an agency, public body or association (FtM Organization and its kinds).");

/// <summary>The <c>Person</c> type.</summary>
public sealed class PersonGraphType() : PartyObjectGraphType(
    "Person", PartyKind.Person, "A natural person (FtM Person): an owner, director, relative or associate.");

/// <summary>The <c>LegalEntity</c> type.</summary>
public sealed class LegalEntityGraphType() : PartyObjectGraphType(
    "LegalEntity", PartyKind.LegalEntity, "A party of unknown kind (FtM LegalEntity), e.g. a name on a customs form.");
