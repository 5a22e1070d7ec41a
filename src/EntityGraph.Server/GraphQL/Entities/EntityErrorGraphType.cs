using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>The <c>EntityError</c> type.</summary>
public sealed class EntityErrorGraphType : ObjectGraphType<EntityError>
{
    public EntityErrorGraphType()
    {
        Name = "EntityError";
        Description = "Why one entity of a batch was refused. The other entities of the batch are written.";
        Field<IdGraphType>("id").Description("The entity id, when it had one.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("index").Description("The entity's position in the batch, from 0.").Resolve(c => c.Source.Index);
        Field<StringGraphType>("field").Description("The property or field at fault (e.g. \"schema\", \"properties.percentage\"), when one is.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What is wrong: the value and what was expected.").Resolve(c => c.Source.Message);
    }
}
