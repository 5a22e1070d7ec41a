using System.Reflection;
using System.Text.RegularExpressions;
using EntityGraph.Server.Auth;
using EntityGraph.Server.Hosting;
using EntityGraph.Storage.Neo4j;
using YamlDotNet.RepresentationModel;

namespace EntityGraph.Server.Tests.Deployment;

/// <summary>
/// Docker cannot run here, so the compose file, the Dockerfile and their companions are read as text
/// and YAML and checked against the server's real configuration keys and the deployment rules.
/// </summary>
public sealed partial class ComposeWiringTests
{
    private static readonly string Files = Path.Combine(AppContext.BaseDirectory, "Deployment", "files");

    /// <summary>The options classes the server binds, by configuration section.</summary>
    private static readonly Dictionary<string, Type> OptionsSections = new(StringComparer.OrdinalIgnoreCase)
    {
        [LimitsOptions.Section] = typeof(LimitsOptions),
        [DatabaseOptions.Section] = typeof(DatabaseOptions),
        [AuthOptions.Section] = typeof(AuthOptions),
        [Neo4jStoreOptions.Section] = typeof(Neo4jStoreOptions),
    };

    private static YamlMappingNode Compose()
    {
        using var reader = new StreamReader(Path.Combine(Files, "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<(string Name, YamlMappingNode Service)> Services() =>
        ((YamlMappingNode)Compose()["services"]).Children.Select(p => (((YamlScalarNode)p.Key).Value!, (YamlMappingNode)p.Value));

    /// <summary>The services that run the entitygraph image: the server and the import.</summary>
    private static List<(string Name, YamlMappingNode Service)> EntityGraphServices() =>
        [.. Services().Where(s => s.Service.Children.ContainsKey("build") || Scalar(s.Service, "image")?.StartsWith("entitygraph", StringComparison.Ordinal) == true)];

    private static (string Name, YamlMappingNode Service) Neo4jService() =>
        Services().Single(s => Scalar(s.Service, "image")?.StartsWith("neo4j:", StringComparison.Ordinal) == true);

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static Dictionary<string, string> Environment(YamlMappingNode service) => service.Children.TryGetValue("environment", out var environment)
        ? environment switch
        {
            YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal),
            YamlSequenceNode list => list.Children.Select(i => ((YamlScalarNode)i).Value!.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal),
            _ => throw new InvalidOperationException("environment must be a mapping or a list"),
        }
        : [];

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? [.. ((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value!)] : [];

    /// <summary>
    /// Whether the server reads an environment variable: a short name (<c>ENTITYGRAPH_NEO4J_URI</c>, …), or
    /// <c>EntityGraph__Section__Property</c> for a property of an options class the server binds, or the store setting.
    /// </summary>
    private static bool IsServerSetting(string name)
    {
        if (ShortEnvironmentNames.Aliases.ContainsKey(name))
            return true;
        var key = name.Replace("__", ":", StringComparison.Ordinal);
        if (string.Equals(key, StoreSettings.StoreKey, StringComparison.OrdinalIgnoreCase))
            return true;
        var split = key.LastIndexOf(':');
        return split > 0
            && OptionsSections.TryGetValue(key[..split], out var options)
            && options.GetProperty(key[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true };
    }

    [Fact]
    public void neo4j_runs_an_exact_image_tag_of_5_26_or_later()
    {
        var image = Scalar(Neo4jService().Service, "image")!;

        var match = Neo4jTag().Match(image);

        Assert.True(match.Success, $"'{image}' is not pinned to an exact version (neo4j:MAJOR.MINOR.PATCH[-community|-enterprise]).");
        var (major, minor) = (int.Parse(match.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(major >= 2025 || (major == 5 && minor >= 26), $"'{image}' is older than 5.26, which the Query API with explicit transactions needs.");
    }

    [Fact]
    public void the_entitygraph_services_set_only_variables_the_server_reads()
    {
        var services = EntityGraphServices();

        Assert.Equal(["entitygraph", "import"], services.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var (name, service) in services)
        {
            var unknown = Environment(service).Keys.Where(k => !IsServerSetting(k)).ToList();
            Assert.True(unknown.Count == 0, $"{name} sets variables the server does not read: {string.Join(", ", unknown)}");
        }
    }

    [Theory]
    [InlineData("ENTITYGRAPH_NEO4J_URI", true)]
    [InlineData("ENTITYGRAPH_API_TOKEN", true)]
    [InlineData("EntityGraph__Limits__MaxPageSize", true)]
    [InlineData("EntityGraph__Neo4j__RequestTimeout", true)]
    [InlineData("EntityGraph__Auth__Token", true)]
    [InlineData("EntityGraph__Store", true)]
    [InlineData("ENTITYGRAPH_NEO4J_URL", false)]
    [InlineData("ENTITYGRAPH_TOKEN", false)]
    [InlineData("EntityGraph__Limits__MaxPageSise", false)]
    [InlineData("EntityGraph__Neo4j__Url", false)]
    [InlineData("EntityGraph__Auth__Required", false)]
    [InlineData("NEO4J_URI", false)]
    public void the_setting_check_knows_the_server_keys_and_rejects_misspellings(string name, bool known) =>
        Assert.Equal(known, IsServerSetting(name));

    [Fact]
    public void the_entitygraph_services_run_on_neo4j_at_the_neo4j_service_http_port()
    {
        var (neo4jName, neo4j) = Neo4jService();

        foreach (var (name, service) in EntityGraphServices())
        {
            var environment = Environment(service);
            Assert.Equal("neo4j", environment["ENTITYGRAPH_STORE"]);
            Assert.True(Uri.TryCreate(environment["ENTITYGRAPH_NEO4J_URI"], UriKind.Absolute, out var uri), $"{name}: ENTITYGRAPH_NEO4J_URI is not a URI");
            Assert.Equal(("http", neo4jName, 7474), (uri.Scheme, uri.Host, uri.Port));
            Assert.Equal("neo4j", environment["ENTITYGRAPH_NEO4J_USER"]);
            Assert.Equal("neo4j", environment["ENTITYGRAPH_NEO4J_DATABASE"]);
            Assert.StartsWith("${NEO4J_PASSWORD", environment["ENTITYGRAPH_NEO4J_PASSWORD"], StringComparison.Ordinal);
        }

        Assert.StartsWith("neo4j/${NEO4J_PASSWORD", Environment(neo4j)["NEO4J_AUTH"], StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:7474:7474", Sequence(neo4j, "ports"));
    }

    [Fact]
    public void the_server_requires_the_api_token_from_the_environment_file()
    {
        var server = EntityGraphServices().Single(s => s.Name == "entitygraph").Service;

        Assert.StartsWith("${ENTITYGRAPH_API_TOKEN:?", Environment(server)[AuthOptions.TokenEnvironmentVariable], StringComparison.Ordinal);
    }

    [Fact]
    public void every_published_port_is_bound_to_loopback()
    {
        var ports = Services().SelectMany(s => Sequence(s.Service, "ports").Select(p => (s.Name, Port: p))).ToList();

        Assert.Contains(ports, p => p.Port == "127.0.0.1:8080:8080" && p.Name == "entitygraph");
        Assert.Contains(ports, p => p.Port == "127.0.0.1:7687:7687");
        Assert.All(ports, p => Assert.StartsWith("127.0.0.1:", p.Port, StringComparison.Ordinal));
    }

    [Fact]
    public void neo4j_has_a_health_check_and_keeps_its_data_in_a_named_volume()
    {
        var neo4j = Neo4jService().Service;

        var healthcheck = (YamlMappingNode)neo4j["healthcheck"];
        var test = string.Join(' ', ((YamlSequenceNode)healthcheck["test"]).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.True(test.Contains("cypher-shell", StringComparison.Ordinal) || test.Contains("wget --spider", StringComparison.Ordinal), test);
        var data = Assert.Single(Sequence(neo4j, "volumes"), v => v.EndsWith(":/data", StringComparison.Ordinal));
        Assert.True(((YamlMappingNode)Compose()["volumes"]).Children.ContainsKey(data.Split(':')[0]), $"{data} is not a named volume");
    }

    [Fact]
    public void the_entitygraph_services_wait_until_neo4j_is_healthy()
    {
        var neo4jName = Neo4jService().Name;

        foreach (var (name, service) in EntityGraphServices())
        {
            var dependency = (YamlMappingNode)((YamlMappingNode)service["depends_on"])[neo4jName];
            Assert.True(Scalar(dependency, "condition") == "service_healthy", $"{name} does not wait for a healthy {neo4jName}");
        }
    }

    [Fact]
    public void the_import_profile_imports_the_demo_case_that_the_image_carries_into_neo4j()
    {
        var import = EntityGraphServices().Single(s => Sequence(s.Service, "profiles").Contains("import")).Service;
        var dockerfile = File.ReadAllText(Path.Combine(Files, "Dockerfile"));

        var command = Sequence(import, "command");

        Assert.Equal("import", command[0]);
        Assert.Equal("neo4j", command[command.IndexOf("--store") + 1]);
        Assert.Equal(EntityGraph.Server.Hosting.DemoCase.Dataset, command[command.IndexOf("--dataset") + 1]);
        Assert.StartsWith("/tmp/", command[command.IndexOf("--rejects") + 1], StringComparison.Ordinal);
        Assert.Matches($@"(?m)^COPY samples/{Regex.Escape(EntityGraph.Server.Hosting.DemoCase.ResourceName)} {Regex.Escape(command[^1])}$", dockerfile);
        Assert.False(import.Children.ContainsKey("ports"), "A one-shot import publishes no port.");
    }

    [Fact]
    public void the_environment_example_defines_every_variable_the_compose_file_interpolates_and_git_ignores_the_real_one()
    {
        var compose = File.ReadAllText(Path.Combine(Files, "docker-compose.yml"));
        var example = File.ReadAllLines(Path.Combine(Files, ".env.example"))
            .Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l.Split('=', 2)[0], l => l.Split('=', 2)[1], StringComparer.Ordinal);

        var interpolated = Interpolation().Matches(compose).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["ENTITYGRAPH_API_TOKEN", "NEO4J_PASSWORD"], interpolated.Order(StringComparer.Ordinal));
        Assert.Empty(interpolated.Except(example.Keys));
        Assert.All(example.Values, v => Assert.StartsWith("replace-with-", v, StringComparison.Ordinal));
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Files, ".gitignore")));
    }

    [Fact]
    public void the_dockerfile_builds_in_one_stage_and_runs_the_server_on_8080_as_a_non_root_user_in_another()
    {
        var lines = File.ReadAllLines(Path.Combine(Files, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        var final = lines.Skip(lines.LastIndexOf(stages[^1])).ToList();

        Assert.Equal(2, stages.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", stages[1], StringComparison.Ordinal);
        Assert.Contains(final, l => l.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        var user = Assert.Single(final, l => l.StartsWith("USER ", StringComparison.Ordinal))[5..].Trim();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0", "root:root" });
        Assert.Contains("EXPOSE 8080", final);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/entitygraph.dll\"]", final);
        Assert.Contains("CMD [\"serve\", \"--urls\", \"http://0.0.0.0:8080\"]", final);
        Assert.True(final.IndexOf(final.Single(l => l.StartsWith("USER ", StringComparison.Ordinal))) < final.FindIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)), "USER must come before the entry point.");
    }

    [Fact]
    public void the_docker_build_context_leaves_out_build_outputs_data_and_node_modules()
    {
        var patterns = File.ReadAllLines(Path.Combine(Files, ".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        foreach (var excluded in new[] { "**/bin/", "**/obj/", "data/", "**/node_modules/", ".env" })
            Assert.Contains(excluded, patterns);
    }

    [GeneratedRegex(@"^neo4j:(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)(-community|-enterprise)?$")]
    private static partial Regex Neo4jTag();

    // ${NAME}, ${NAME:?message}, ${NAME:-default}; $${…} is an escaped dollar for the container's shell.
    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();
}
