using EntityGraph.Server.GraphQL.Entities;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL;

/// <summary>The <c>Mutation</c> root: write and delete FtM entities. Each field lives beside its topic.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Description = "Write FollowTheMoney entities into the graph, or delete them.";
        this.AddUpsertEntitiesField();
        this.AddDeleteEntityField();
    }
}
