using EntityGraph.Server.GraphQL;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace EntityGraph.Server.Tests.Codebase;

public sealed class SchemaSnapshotTests
{
    private const string UpdateVariable = "ENTITYGRAPH_UPDATE_SNAPSHOT";

    [Fact]
    public async Task the_printed_schema_matches_the_committed_schema_graphql()
    {
        await using var server = await EntityGraphTestServer.StartAsync();
        var schema = server.Services.GetRequiredService<EntityGraphSchema>();
        var printed = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(Repository.Root, "schema.graphql");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            await File.WriteAllTextAsync(path, printed, TestContext.Current.CancellationToken);

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == printed, $"The GraphQL schema differs from the committed schema.graphql. If the change is intended, update the snapshot with `{UpdateVariable}=1 dotnet test tests/EntityGraph.Server.Tests` and commit schema.graphql.");
    }

    [Fact]
    public async Task every_type_and_field_of_the_schema_has_a_description()
    {
        await using var server = await EntityGraphTestServer.StartAsync();
        var schema = server.Services.GetRequiredService<EntityGraphSchema>();
        schema.Initialize();

        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not global::GraphQL.Types.ScalarGraphType { Name: "String" or "Int" or "Float" or "Boolean" or "ID" }))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
                missing.Add(type.Name);
            if (type is global::GraphQL.Types.IComplexGraphType complex)
                missing.AddRange(complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
        }

        Assert.True(missing.Count == 0, "No description: " + string.Join(", ", missing));
    }
}
