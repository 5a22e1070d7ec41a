using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>The <c>FtmEntityInput</c> input type.</summary>
public sealed class FtmEntityInputGraphType : InputObjectGraphType<SubmittedEntity>
{
    public FtmEntityInputGraphType()
    {
        Name = "FtmEntityInput";
        Description = "A FollowTheMoney entity, as in an FtM JSON lines file.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The entity id; kept as given, so writing the same id again updates the entity.");
        Field<NonNullGraphType<StringGraphType>>("schema").Description("The FtM schema, e.g. Company, Person, Ownership, EconomicActivity.");
        Field<NonNullGraphType<JsonGraphType>>("properties").Description("Property name → list of string values, e.g. { \"name\": [\"Acme\"], \"country\": [\"kg\"] }; a single string is read as a list of one.");
    }
}
