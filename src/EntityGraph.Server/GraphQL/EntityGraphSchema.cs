using EntityGraph.Server.GraphQL.Parties;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL;

/// <summary>The EntityGraph GraphQL schema. Its printed form is committed as <c>schema.graphql</c>.</summary>
public sealed class EntityGraphSchema : Schema
{
    public EntityGraphSchema(IServiceProvider services)
        : base(services)
    {
        Description = "EntityGraph: companies, people, ownership, sanctions and shipments, for sanctions and export-control investigations.";
        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
        // The party object types are reached only through the Party interface, so they are named here.
        RegisterTypes(typeof(CompanyGraphType), typeof(OrganizationGraphType), typeof(PersonGraphType), typeof(LegalEntityGraphType));
    }
}
