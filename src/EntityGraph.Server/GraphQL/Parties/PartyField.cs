using EntityGraph.Server.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>party</c> root field: one party by id.</summary>
internal static class PartyField
{
    public static void AddPartyField(this ObjectGraphType query) =>
        query.Field<PartyInterface>("party")
            .Description("The party with this id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The FtM id.")
            .Resolve(c => c.Loaders().Party(c.GetArgument<string>("id")));
}
