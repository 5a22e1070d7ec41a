using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>Company</c> type: a party of kind <see cref="PartyKind.Company"/>.</summary>
public sealed class CompanyGraphType : ObjectGraphType<Party>
{
    public CompanyGraphType()
    {
        Name = "Company";
        Description = "A company (FtM Company): owned by shareholders, run by directors, trading goods.";
        Interface<PartyInterface>();
        IsTypeOf = o => o is Party { Kind: PartyKind.Company };
        PartyFields.AddCommonFields(this);
        PartyFields.AddOrganizationFields(this);
    }
}
