using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>LegalEntity</c> type: a party of kind <see cref="PartyKind.LegalEntity"/>.</summary>
public sealed class LegalEntityGraphType : ObjectGraphType<Party>
{
    public LegalEntityGraphType()
    {
        Name = "LegalEntity";
        Description = "A party of unknown kind (FtM LegalEntity), e.g. a name on a customs form.";
        Interface<PartyInterface>();
        IsTypeOf = o => o is Party { Kind: PartyKind.LegalEntity };
        PartyFields.AddCommonFields(this);
        PartyFields.AddOrganizationFields(this);
    }
}
