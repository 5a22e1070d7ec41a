using EntityGraph.Server.Auth;
using EntityGraph.Server.Http;

namespace EntityGraph.Server.Hosting;

/// <summary>Maps the EntityGraph HTTP surface: correlation ids, bearer-token authentication when a token is set, <c>/graphql</c> and the health endpoints.</summary>
public static class EntityGraphEndpointExtensions
{
    public static WebApplication MapEntityGraph(this WebApplication app)
    {
        app.Use(CorrelationId.Middleware);
        app.Use(BearerTokenAuthentication.Middleware);
        app.Map("/graphql", (HttpContext http) => http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http));
        app.MapHealthEndpoints();
        return app;
    }
}
