using EntityGraph.Server.GraphQL.Entities;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.Hosting;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.GraphQL;

/// <summary>The <c>Mutation</c> root: write and delete FtM entities.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Description = "Write FollowTheMoney entities into the graph, or delete them.";

        Field<NonNullGraphType<UpsertPayloadGraphType>>("upsertEntities")
            .Description($"Validates FtM entities and writes the valid ones, in one transaction, as dataset \"{EntityWriter.Dataset}\". Writing an id again replaces what an earlier API write said about it; values from imported datasets stay. Invalid entities are reported in `errors`, not as GraphQL errors.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<FtmEntityInputGraphType>>>>("entities", "The entities, as in an FtM JSON lines file.")
            .ResolveAsync(async c =>
            {
                var entities = c.GetArgument<List<SubmittedEntity>>("entities");
                var max = c.RequestServices!.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxUpsertBatch;
                if (entities.Count > max)
                    throw GraphErrors.LimitExceeded($"entities: {entities.Count} entities is more than the largest batch, {max}; split the batch.");
                return await new EntityWriter(c.Store()).UpsertAsync(entities, c.CancellationToken);
            });

        Field<NonNullGraphType<BooleanGraphType>>("deleteEntity")
            .Description("Removes an entity from every dataset, with the links it states. False when there is no entity with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The FtM id.")
            .ResolveAsync(async c => await c.Store().DeleteAsync(c.GetArgument<string>("id"), c.CancellationToken));
    }
}
