using EntityGraph.Server.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>The <c>deleteEntity</c> mutation: remove an entity from every dataset.</summary>
internal static class DeleteEntityField
{
    public static void AddDeleteEntityField(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<BooleanGraphType>>("deleteEntity")
            .Description("Removes an entity from every dataset, with the links it states. False when there is no entity with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The FtM id.")
            .ResolveAsync(async c => await c.Store().DeleteAsync(c.GetArgument<string>("id"), c.CancellationToken));
}
