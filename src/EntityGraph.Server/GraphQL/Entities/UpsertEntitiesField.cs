using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>The <c>upsertEntities</c> mutation: validate FtM entities and write the valid ones.</summary>
internal static class UpsertEntitiesField
{
    public static void AddUpsertEntitiesField(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<UpsertPayloadGraphType>>("upsertEntities")
            .Description($"Validates FtM entities and writes the valid ones, in one transaction, as dataset \"{EntityWriter.Dataset}\". Writing an id again replaces what an earlier API write said about it; values from imported datasets stay. Invalid entities are reported in `errors`, not as GraphQL errors.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<FtmEntityInputGraphType>>>>("entities", "The entities, as in an FtM JSON lines file.")
            .ResolveAsync(ResolveAsync);

    private static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var entities = context.GetArgument<List<SubmittedEntity>>("entities");
        var max = context.Limits().MaxUpsertBatch;
        if (entities.Count > max)
            throw GraphErrors.LimitExceeded($"entities: {entities.Count} entities is more than the largest batch, {max}; split the batch.");
        return await new EntityWriter(context.Store()).UpsertAsync(entities, context.CancellationToken);
    }
}
