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
        ArgumentNullException.ThrowIfNull(environment);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key) in Aliases)
        {
            if (environment[name] is string { Length: > 0 } value)
                settings[key] = value;
        }

        return settings;
    }

    /// <summary>Adds the short variables of the process environment (or of <paramref name="environment"/>) as a configuration source.</summary>
    public static IConfigurationBuilder AddShortEnvironmentNames(this IConfigurationBuilder builder, IDictionary? environment = null) =>
        builder.AddInMemoryCollection(FromEnvironment(environment ?? Environment.GetEnvironmentVariables()));
}
