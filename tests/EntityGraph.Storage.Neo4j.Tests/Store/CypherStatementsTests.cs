using EntityGraph.Storage.Neo4j.Internal;

namespace EntityGraph.Storage.Neo4j.Tests.Store;

public sealed class CypherStatementsTests
{
    [Fact]
    public void every_query_the_store_runs_is_embedded_from_cypher_queries()
    {
        Assert.All(Queries.All, name => Assert.False(string.IsNullOrWhiteSpace(CypherStatements.Query(name)), name));
    }

    [Fact]
    public void every_embedded_query_is_one_the_store_runs()
    {
        Assert.Empty(CypherStatements.QueryNames.Except(Queries.All, StringComparer.Ordinal));
        Assert.True(CypherStatements.QueryNames.Count >= 5);
    }

    [Fact]
    public void an_unknown_query_name_fails_naming_the_file_it_looked_for()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => CypherStatements.Query("expand-everything"));

        Assert.Contains("cypher/queries/expand-everything.cypher", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_schema_is_constraints_then_indexes_then_the_full_text_index_all_created_only_if_missing()
    {
        var schema = CypherStatements.Schema();

        Assert.All(schema, s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
        Assert.All(schema, s => Assert.DoesNotContain(";", s, StringComparison.Ordinal));
        Assert.StartsWith("CREATE CONSTRAINT", schema[0], StringComparison.Ordinal);
        Assert.StartsWith("CREATE FULLTEXT INDEX party_search", schema[^1], StringComparison.Ordinal);
        Assert.Contains(schema, s => s.Contains("FOR (n:Shipment) ON (n.senderId)", StringComparison.Ordinal));
        Assert.Equal(schema.Count, schema.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void statements_are_split_at_line_ending_semicolons_without_comment_lines()
    {
        var statements = CypherStatements.Split("// a comment; with a semicolon\nCREATE INDEX a IF NOT EXISTS FOR (n:X) ON (n.a);\r\n\r\nCREATE INDEX b IF NOT EXISTS\n  FOR (n:X) ON (n.b);\n").ToList();

        Assert.Equal(["CREATE INDEX a IF NOT EXISTS FOR (n:X) ON (n.a)", "CREATE INDEX b IF NOT EXISTS\n  FOR (n:X) ON (n.b)"], statements);
    }

    [Fact]
    public void every_label_and_relationship_type_in_the_store_cypher_is_one_of_the_graph_model()
    {
        var model = GraphModel.Labels.Concat(GraphModel.RelationshipTypes).ToHashSet(StringComparer.Ordinal);
        var texts = CypherStatements.QueryNames.Select(CypherStatements.Query).Concat(CypherStatements.Schema());

        var named = texts.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"(?<=[\w)\]]:|\(\w*:|\[\w*:)([A-Z][A-Za-z_]*)").Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(model, named);
        Assert.Contains("StoreMetadata", named);
        Assert.Contains("SANCTIONED_BY", named);
    }

    [Fact]
    public void writing_a_node_removes_and_sets_every_kind_label_of_the_model()
    {
        var upsert = CypherStatements.Query(Queries.UpsertEntities);
        var kindLabels = GraphModel.Labels.Except([GraphModel.Entity, GraphModel.Party, GraphModel.StoreMetadata]);

        var remove = upsert.Split('\n').Single(l => l.StartsWith("REMOVE ", StringComparison.Ordinal));
        Assert.All(kindLabels.Append(GraphModel.Party), label => Assert.Contains($":{label}", remove, StringComparison.Ordinal));
        Assert.All(kindLabels, label => Assert.Contains($"WHEN row.label = '{label}' THEN", upsert, StringComparison.Ordinal));
    }

    [Fact]
    public void each_relationship_statement_writes_only_its_own_type()
    {
        foreach (var kind in Enum.GetValues<Core.Model.LinkKind>())
        {
            var type = GraphModel.RelationshipType(kind);
            var text = CypherStatements.Query(Queries.MergeLinks(kind));
            Assert.Contains($"[r:{type} {{id: row.id, sourceId: row.entity}}]", text, StringComparison.Ordinal);
            Assert.All(GraphModel.RelationshipTypes.Where(t => t != type && !type.Contains(t, StringComparison.Ordinal)), other => Assert.DoesNotContain($":{other} ", text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void the_three_forms_of_each_shipment_query_filter_and_order_alike()
    {
        foreach (var role in Enum.GetValues<Core.Storage.ShipmentRole>())
        {
            var where = Conditions(CypherStatements.Query(Queries.ExpandShipments(role)));
            Assert.Equal(where, Conditions(CypherStatements.Query(Queries.ExpandTrades(role))));
            Assert.Equal(where, Conditions(CypherStatements.Query(Queries.ShipmentPages(role))));
            Assert.Equal(where, Conditions(CypherStatements.Query(Queries.ExpandShipments(Core.Storage.ShipmentRole.Sender))));
        }

        static string Conditions(string text)
        {
            var start = text.IndexOf("WHERE", StringComparison.Ordinal);
            return text[start..text.IndexOf("\nWITH", start, StringComparison.Ordinal)];
        }
    }
}
