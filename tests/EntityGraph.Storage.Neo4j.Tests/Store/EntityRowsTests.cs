using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Storage.Neo4j.Internal;
using EntityGraph.Testing;

namespace EntityGraph.Storage.Neo4j.Tests.Store;

public sealed class EntityRowsTests
{
    private static readonly FtmGraph Graph = FtmGraph.Create()
        .Company("buyer", "ООО «Электроника»", country: "RU", incorporated: "2022-03")
        .Set("buyer", "alias", "Elektronika Trading LLC")
        .Address("addr-1", "Leninsky 1, Moscow", country: "ru", of: "buyer")
        .Person("ivanov", "Ivan Ivanov")
        .Owns("ivanov", "buyer", "51%", startDate: "2021-02", endDate: "2023")
        .Sanction("ivanov", authority: "OFAC", program: "RUSSIA-EO14024", startDate: "2022-04-06")
        .Shipment("s1", from: "acme", to: "buyer", date: "2022-05", hs: "8542.31", value: 12000)
        .Entity("v1", "Vessel", ("name", "Ocean Star"));

    [Fact]
    public void a_party_node_carries_its_kind_label_and_search_tokens_its_own_name_first()
    {
        var (row, properties) = Node("buyer");

        Assert.Equal("Company", row["label"]);
        Assert.Equal("elektronika trading", properties["searchText"]);
        Assert.Equal(["ru"], (IEnumerable<string>)properties["countries"]!);
        Assert.Equal(("2022-03", "2022-03-01"), (properties["incorporationDate"], row["incorporationEarliest"]));
        Assert.Equal("ООО «Электроника»", properties["name"]);
    }

    [Fact]
    public void a_shipment_node_carries_digits_its_chpl_tier_as_the_list_writes_it_and_the_days_its_date_spans()
    {
        var (row, properties) = Node("s1");

        Assert.Equal("Shipment", row["label"]);
        Assert.Equal(("854231", "854231", "1", "acme", "buyer"), (properties["hsCode"], properties["hs6"], properties["chplTier"], properties["senderId"], properties["receiverId"]));
        Assert.Equal(("2022-05", "2022-05-01", "2022-05-31", 12000d), (properties["date"], row["dateEarliest"], row["dateLatest"], row["valueUsd"]));
    }

    [Fact]
    public void interval_entities_and_schemata_without_a_kind_are_nodes_too()
    {
        Assert.Equal("Interval", Node("own-ivanov-buyer").Row["label"]);
        Assert.Equal("Sanction", Node("san-ivanov").Row["label"]);
        Assert.Equal("Address", Node("addr-1").Row["label"]);
        var (vessel, properties) = Node("v1");
        Assert.Null(vessel["label"]);
        Assert.Equal(("Vessel", "Ocean Star"), (properties["schema"], properties["name"]));
    }

    [Fact]
    public void an_ownership_relationship_carries_the_stake_as_a_number_and_as_the_source_wrote_it()
    {
        var entity = Merged(Graph["own-ivanov-buyer"]);
        var link = Assert.Single(FtmProjector.Project(entity).Links);

        var row = EntityRows.Link(link, entity.Id);

        Assert.Equal(("ivanov", "buyer", "own-ivanov-buyer"), (row["source"], row["target"], row["entity"]));
        Assert.Equal((51d, "2024-03-04T09:00:00.0000000+00:00"), (row["percentage"], row["firstSeen"]));
        var properties = (Dictionary<string, object?>)row["properties"]!;
        Assert.Equal(("own-ivanov-buyer", "own-ivanov-buyer", "Ownership", "2021-02", "2023", "51%"), (properties["id"], properties["sourceId"], properties["schema"], properties["startDate"], properties["endDate"], properties["shares"]));
    }

    [Fact]
    public void every_property_the_store_writes_is_a_key_of_the_graph_model()
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in Graph.Entities)
        {
            var (row, properties) = Node(entity.Id);
            var label = (string?)row["label"];
            // Company, Person, … nodes are Party nodes too; Interval nodes and nodes of other schemata have the entity keys only.
            var group = label is null || label == GraphModel.Interval ? null : GraphModel.NodeProperties.ContainsKey(label) ? label : GraphModel.Party;
            var allowed = GraphModel.EntityProperties.Concat(group is null ? [] : GraphModel.NodeProperties[group]).ToHashSet(StringComparer.Ordinal);
            Assert.All(properties.Keys, key => Assert.Contains(key, allowed));
            Assert.All(row.Where(r => r.Value is not null).Select(r => r.Key).Except(["id", "label", "properties"]), key => Assert.Contains(key, allowed));
            foreach (var link in FtmProjector.Project(Merged(entity)).Links)
            {
                var linkRow = EntityRows.Link(link, entity.Id);
                Assert.All(((Dictionary<string, object?>)linkRow["properties"]!).Keys.Concat(["firstSeen", "lastSeen", "percentage"]), key => Assert.Contains(key, GraphModel.RelationshipProperties));
            }

            written.UnionWith(properties.Keys);
        }

        Assert.Contains("searchText", written);
    }

    [Fact]
    public void the_entity_and_its_fragments_are_given_back_exactly_from_their_json()
    {
        var fragments = new[]
        {
            (FtmFragments.Fragment("buyer", "customs", "LegalEntity", Graph["buyer"].Properties, new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero)), "run-1"),
            (FtmFragments.Fragment("buyer", "registry", "Company", new Dictionary<string, IReadOnlyList<string>> { ["name"] = ["Elektronika OsOO", "\"Quoted\"\nname"] }, null, null), "run-2"),
        };

        var stored = EntityDocuments.ReadFragments(EntityDocuments.Fragments(fragments));
        var merged = FtmFragments.Merge(stored.Select(s => s.Fragment).ToList());
        var back = EntityDocuments.ReadEntity(EntityDocuments.Entity(merged));

        Assert.Equal(["run-1", "run-2"], stored.Select(s => s.RunId));
        Assert.Equal(["customs", "registry"], stored.Select(s => s.Dataset));
        Assert.Equal("Company", back.Schema);
        Assert.Equal(["customs", "registry"], back.Datasets);
        Assert.Equal(["ООО «Электроника»", "Elektronika OsOO", "\"Quoted\"\nname"], back.Values("name"));
        Assert.Equal(["Elektronika Trading LLC"], back.Values("alias"));
        Assert.Equal((new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero)), (back.FirstSeen!.Value, back.LastSeen!.Value));
    }

    [Fact]
    public void an_entity_written_by_the_ftm_or_neo4j_csv_export_is_read_as_utc_with_its_one_dataset_as_its_fragment()
    {
        const string line = """{"id":"acme","schema":"Company","properties":{"name":["Acme GmbH"]},"datasets":["registry"],"first_seen":"2024-03-04T09:00:00","last_seen":"2024-03-05T09:00:00"}""";

        var entity = EntityDocuments.ReadEntity(line);
        var fragment = Assert.Single(EntityDocuments.ReadFragments($"[{line}]"));

        Assert.Equal(("acme", "Company", "Acme GmbH"), (entity.Id, entity.Schema, entity.First("name")));
        Assert.Equal(["registry"], entity.Datasets);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero), entity.FirstSeen);
        Assert.Equal(TimeSpan.Zero, entity.LastSeen!.Value.Offset);
        Assert.Equal(("registry", string.Empty), (fragment.Dataset, fragment.RunId));
        Assert.Contains("\"first_seen\":\"2024-03-04T09:00:00.0000000+00:00\"", EntityDocuments.Entity(entity), StringComparison.Ordinal);
    }

    private static FtmEntity Merged(FtmEntity entity) =>
        FtmFragments.Merge([FtmFragments.Fragment(entity.Id, "case", entity.Schema, entity.Properties, new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero))]);

    private static (Dictionary<string, object?> Row, Dictionary<string, object?> Properties) Node(string id)
    {
        var merged = Merged(Graph[id]);
        var row = EntityRows.Node(merged, "[]", FtmProjector.Project(merged));
        return (row, (Dictionary<string, object?>)row["properties"]!);
    }
}
