using System.Text.Encodings.Web;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Auth;
using EntityGraph.Server.GraphQL;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.RedFlags;
using EntityGraph.Server.Http;
using GraphQL;
using Microsoft.Extensions.Options;

namespace EntityGraph.Server.Hosting;

/// <summary>Registers the EntityGraph server: store, GraphQL schema, limits, batch loaders and the HTTP endpoint.</summary>
public static class EntityGraphServiceCollectionExtensions
{
    /// <summary>Everything the server needs; called by <c>serve</c> and by the tests, so both run the same wiring.</summary>
    public static IServiceCollection AddEntityGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section))
            .Validate(l => l.MaxDepth > 0 && l.MaxComplexity > 0 && l.MaxPageSize > 0 && l.MaxNeighbourhoodLimit > 0 && l.MaxIds > 0
                && l.MaxUpsertBatch > 0 && l.MaxRequestBodyBytes > 0 && l.ExecutionTimeout > TimeSpan.Zero, "Every limit in EntityGraph:Limits must be positive.")
            .Validate(l => l.MaxPathHops > 0 && l.MaxPaths > 0 && l.PathLinkBudget > 0, "Every limit in EntityGraph:Limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));

        // Trace hops are answered from an in-memory index of the shipments, built in the background and
        // rebuilt whenever the database changes; until it is current the store answers.
        // The store (SQLite by default, or Neo4j) is chosen by EntityGraph:Store; a wrong value fails at start, naming it.
        var kind = StoreSettings.Kind(configuration);
        services.AddSingleton(new StoreSelection(kind));
        services.AddSingleton(sp => new IndexedGraphStore(
            StoreFactory.Open(kind, configuration, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Path))
        {
            Report = sp.GetRequiredService<ILoggerFactory>().CreateLogger("EntityGraph.TradeIndex").LogTradeIndex,
        });
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<IndexedGraphStore>());
        services.AddSingleton<ITradeIndexSource>(sp => sp.GetRequiredService<IndexedGraphStore>());
        services.AddHostedService<StoreInitializer>();
        services.AddSingleton<RestrictionCache>();
        services.AddSingleton<VerdictWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<VerdictWarmUp>());

        services.AddScoped<GraphLoaders>();
        services.AddScoped<RedFlagLoader>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<EntityGraphSchema>()
            .AddGraphTypes(typeof(EntityGraphSchema).Assembly)
            // Names are often Cyrillic or Chinese; JSON responses are never embedded in HTML, so they need not be escaped.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(sp => new EntityGraphErrorInfoProvider(
                sp.GetRequiredService<IHostEnvironment>().IsDevelopment(),
                sp.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxDepth))
            .AddComplexityAnalyzer((complexity, sp) =>
            {
                var limits = sp.GetRequiredService<IOptions<LimitsOptions>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;
            }));
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        return services;
    }
}
