using System.Collections;
using EntityGraph.Server.Auth;

namespace EntityGraph.Server.Hosting;

/// <summary>
/// The short environment variables (<c>ENTITYGRAPH_STORE</c>, <c>ENTITYGRAPH_NEO4J_URI</c>, …,
/// <c>ENTITYGRAPH_API_TOKEN</c>) that the README and the compose file use, applied as configuration so
/// that they win over the long <c>EntityGraph__…</c> names.
/// </summary>
public static class ShortEnvironmentNames
{
    /// <summary>Short environment variable → the configuration key it sets: the store's and the API token.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } =
        new Dictionary<string, string>(StoreSettings.EnvironmentAliases, StringComparer.Ordinal)
        {
            [AuthOptions.TokenEnvironmentVariable] = AuthOptions.TokenKey,
        };

    /// <summary>The configuration keys set by the short variables present in <paramref name="environment"/>.</summary>
    public static Dictionary<string, string?> FromEnvironment(IDictionary environment)
    {
        var settings = StoreSettings.FromEnvironment(environment);
        if (environment[AuthOptions.TokenEnvironmentVariable] is string { Length: > 0 } token)
            settings[AuthOptions.TokenKey] = token;
        return settings;
    }

    /// <summary>Adds the short variables of the process environment (or of <paramref name="environment"/>) as a configuration source.</summary>
    public static IConfigurationBuilder AddShortEnvironmentNames(this IConfigurationBuilder builder, IDictionary? environment = null) =>
        builder.AddInMemoryCollection(FromEnvironment(environment ?? Environment.GetEnvironmentVariables()));
}
