using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>Party</c> interface, implemented by one object type per <see cref="PartyKind"/>.</summary>
public sealed class PartyInterface : InterfaceGraphType<Party>
{
    public PartyInterface()
    {
        Name = "Party";
        Description = "A company, organization, person or party of unknown kind. Select typed fields with `... on Company { owners { ... } }`.";
        PartyFields.AddInterfaceFields(this);
    }
}
