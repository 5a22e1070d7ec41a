using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>Person</c> type: a party of kind <see cref="PartyKind.Person"/>.</summary>
public sealed class PersonGraphType : ObjectGraphType<Party>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "A natural person (FtM Person): an owner, director, relative or associate.";
        Interface<PartyInterface>();
        IsTypeOf = o => o is Party { Kind: PartyKind.Person };
        PartyFields.AddCommonFields(this);
    }
}
