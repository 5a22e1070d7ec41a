using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>Organization</c> type: a party of kind <see cref="PartyKind.Organization"/>.</summary>
public sealed class OrganizationGraphType : ObjectGraphType<Party>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        Description = "An organization that is not a company: an agency, public body or association (FtM Organization and its kinds).";
        Interface<PartyInterface>();
        IsTypeOf = o => o is Party { Kind: PartyKind.Organization };
        PartyFields.AddCommonFields(this);
        PartyFields.AddOrganizationFields(this);
    }
}
