using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>The <c>UpsertPayload</c> type.</summary>
public sealed class UpsertPayloadGraphType : ObjectGraphType<UpsertPayload>
{
    public UpsertPayloadGraphType()
    {
        Name = "UpsertPayload";
        Description = "What `upsertEntities` did: valid entities are written, invalid ones are reported here as data.";
        Field<NonNullGraphType<IntGraphType>>("accepted").Description("How many entities were written.").Resolve(c => c.Source.Accepted);
        Field<NonNullGraphType<IntGraphType>>("rejected").Description("How many entities were refused.").Resolve(c => c.Source.Rejected);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityErrorGraphType>>>>("errors").Description("Why each refused entity was refused (an entity may have several).").Resolve(c => c.Source.Errors);
    }
}
