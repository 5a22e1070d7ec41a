using System.Text.Json;
using EntityGraph.Testing;

namespace EntityGraph.Storage.Neo4j.Tests;

/// <summary>
/// The Cypher lint (tools/cypher-lint, Node) checks cypher/**/*.cypher against a schema file written
/// from <see cref="GraphModel"/>; this test keeps that file equal to the model so the two cannot drift.
/// </summary>
public sealed class CypherLintSchemaTests
{
    private const string UpdateVariable = "ENTITYGRAPH_UPDATE_CYPHER_SCHEMA";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task the_cypher_lint_schema_matches_the_graph_model()
    {
        var generated = JsonSerializer.Serialize(
            new
            {
                labels = GraphModel.Labels,
                relationshipTypes = GraphModel.RelationshipTypes,
                propertyKeys = GraphModel.PropertyKeys,
            },
            Indented).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(Repository.Root, "tools", "cypher-lint", "schema.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            await File.WriteAllTextAsync(path, generated, TestContext.Current.CancellationToken);

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : "";
        Assert.True(
            committed == generated,
            $"tools/cypher-lint/schema.json differs from GraphModel, so the Cypher lint would check against a stale schema. Regenerate it with `{UpdateVariable}=1 dotnet test tests/EntityGraph.Storage.Neo4j.Tests` and commit it.\nExpected:\n{generated}");
    }
}
