using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.Internal;
using EntityGraph.Storage.Neo4j.QueryApi;
using EntityGraph.Testing;

namespace EntityGraph.Storage.Neo4j.Tests.Store;

/// <summary>What the store asks Neo4j when it reads, and how it reads the answers, checked without a server.</summary>
public sealed class Neo4jGraphStoreReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FtmGraph Trade = FtmGraph.Create()
        .Company("acme", "Acme", country: "de")
        .Company("kg", "Bishkek Trade", country: "kg")
        .Shipment("s1", "acme", "kg", date: "2022-03-15", hs: "854231", value: 12000)
        .Shipment("s2", "acme", "kg", date: "2022-03", hs: "8471.50", value: 500)
        .Shipment("s5", "acme", "kg", hs: "854231");

    [Fact]
    public async Task every_parameter_a_read_statement_refers_to_is_passed()
    {
        var runner = Answering();
        await using var store = new Neo4jGraphStore(runner);
        var filter = new ShipmentFilter(new DateOnly(2021, 1, 1), new DateOnly(2023, 1, 1), ["8542"], [ChplTier.Tier1], 10);

        foreach (var direction in Enum.GetValues<LinkDirection>())
            await store.ExpandAsync(new LinkExpansion(["acme"], [LinkKind.Owns], direction, new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1)), Ct);
        foreach (var role in Enum.GetValues<ShipmentRole>())
        {
            await store.ExpandShipmentsAsync(new ShipmentExpansion(["acme"], role, filter), Ct);
            await store.ExpandTradesAsync(new ShipmentExpansion(["acme"], role, ShipmentFilter.None), Ct);
            await store.GetShipmentPagesAsync(new ShipmentPageQuery(["acme"], role, filter, 2), Ct);
            await store.GetShipmentPagesAsync(new ShipmentPageQuery(["acme"], role, filter, 2, ShipmentPosition.Of(new Shipment { Id = "s2", Provenance = new Provenance([], "s2", null, null) }).Encode()), Ct);
        }

        await store.AggregateShipmentsAsync(new TradeFlowQuery(filter, [TradeFlowDimension.Hs6], true, ["kg"], ["ru"], true), Ct);
        await store.AggregateShipmentsAsync(new TradeFlowQuery(ShipmentFilter.None, [TradeFlowDimension.Hs6], true, ["kg"], ["ru"], true), Ct);
        await store.SearchAsync(new PartySearch("acme trading", [PartyKind.Company], ["DE"], 5), Ct);
        await store.GetEntitiesAsync(["acme"], Ct);
        await store.GetLinksAsync(["s1:sender:acme"], Ct);
        await store.GetDataVersionAsync(Ct);
        await store.GetStatusAsync(Ct);
        await foreach (var _ in store.ExportAsync(Ct))
        {
        }

        await foreach (var _ in store.ExportFragmentsAsync(Ct))
        {
        }

        await foreach (var _ in store.StreamTradesAsync(Ct))
        {
        }

        Assert.Equal(Queries.All.Except(["lock-writes", "read-fragments", "upsert-entities", "delete-links", "clear-entity", "delete-placeholders", "bump-data-version", "set-schema-version", "index-states", "delete-everything"]).Except(Enum.GetValues<LinkKind>().Select(Queries.MergeLinks)).Order(StringComparer.Ordinal),
            runner.Calls.Select(c => c.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.All(runner.Calls, c => Assert.Null(c.Transaction));
        Assert.All(runner.Calls, c => Assert.Subset(c.Parameters.Keys.ToHashSet(StringComparer.Ordinal), RecordingRunner.ParametersOf(c.Statement)));
    }

    [Fact]
    public async Task a_trade_flow_with_dates_runs_the_statement_whose_date_range_is_always_bound_so_the_date_index_can_serve_it()
    {
        var runner = Answering();
        await using var store = new Neo4jGraphStore(runner);

        await store.AggregateShipmentsAsync(new TradeFlowQuery(new ShipmentFilter(From: new DateOnly(2022, 1, 1)), []), Ct);
        await store.AggregateShipmentsAsync(new TradeFlowQuery(ShipmentFilter.None, []), Ct);

        var dated = Assert.Single(runner.Named("aggregate-dated-shipments"));
        Assert.Equal(("2022-01-01", "9999-12-31"), (dated.Parameters["from"], dated.Parameters["to"]));
        Assert.Contains("WHERE s.dateEarliest <= date($to)\n  AND s.dateLatest >= date($from)\n", dated.Statement.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var undated = Assert.Single(runner.Named("aggregate-shipments"));
        Assert.False(undated.Parameters.ContainsKey("from") || undated.Parameters.ContainsKey("to"));
        Assert.All([dated, undated], c => Assert.DoesNotContain("IS NULL OR s.date", c.Statement, StringComparison.Ordinal));
    }

    [Fact]
    public async Task shipment_filters_become_digits_tier_labels_and_days()
    {
        var runner = Answering();
        await using var store = new Neo4jGraphStore(runner);

        await store.ExpandShipmentsAsync(new ShipmentExpansion(["acme", "acme"], ShipmentRole.Sender, new ShipmentFilter(new DateOnly(2022, 3, 31), null, ["8471.5", "x"], [ChplTier.Tier3A], 7000), 2), Ct);

        var parameters = runner.Named("expand-shipments-sender").Single().Parameters;
        Assert.Equal(["acme"], (IEnumerable<string>)parameters["ids"]!);
        Assert.Equal(("2022-03-31", null, true, 7000d, 2L), (parameters["from"], parameters["to"], parameters["byHsPrefix"], parameters["minValueUsd"], parameters["limit"]));
        Assert.Equal(["84715"], (IEnumerable<string>)parameters["hsPrefixes"]!);
        Assert.Equal(["3.A"], (IEnumerable<string?>)parameters["tiers"]!);
    }

    [Fact]
    public async Task trades_are_read_from_typed_properties_whatever_number_type_comes_back()
    {
        var runner = Answering();
        runner.Answers["expand-trades-sender"] = _ => new QueryResult(
            ["id", "senderId", "receiverId", "date", "valueUsd", "chplTier", "hsCode"],
            [["s1", "acme", "kg", "2022-03-15", 12000L, "1", "854231"], ["s5", "acme", null, null, null, null, null]],
            []);
        await using var store = new Neo4jGraphStore(runner);

        var trades = await store.ExpandTradesAsync(new ShipmentExpansion(["acme"], ShipmentRole.Sender, ShipmentFilter.None), Ct);

        Assert.Equal(
            [
                new Trade("s1", "acme", "kg", PartialDate.Parse("2022-03-15"), 12000d, ChplTier.Tier1, HsCode.Normalize("854231")),
                new Trade("s5", "acme", null, null, null, null, null),
            ],
            trades);
    }

    [Fact]
    public async Task shipment_pages_carry_totals_and_a_cursor_from_the_last_shipment_that_the_next_page_starts_after()
    {
        var runner = Answering();
        runner.Answers["shipment-pages-sender"] = _ => new QueryResult(
            ["party", "total", "entities"],
            [["acme", 3L, new List<object?> { Entity(Trade["s2"]), Entity(Trade["s1"]), Entity(Trade["s5"]) }]],
            []);
        await using var store = new Neo4jGraphStore(runner);
        var query = new ShipmentPageQuery(["acme", "nobody"], ShipmentRole.Sender, ShipmentFilter.None, 2);

        var pages = await store.GetShipmentPagesAsync(query, Ct);
        await store.GetShipmentPagesAsync(query with { After = pages["acme"].EndCursor }, Ct);

        Assert.Equal(["s2", "s1"], pages["acme"].Shipments.Select(s => s.Id));
        Assert.Equal((true, 3), (pages["acme"].HasNextPage, pages["acme"].TotalCount));
        Assert.Equal((0, false, 0), (pages["nobody"].Shipments.Count, pages["nobody"].HasNextPage, pages["nobody"].TotalCount));
        var calls = runner.Named("shipment-pages-sender").ToList();
        Assert.Null(calls[0].Parameters["after"]);
        Assert.Equal(3L, calls[0].Parameters["limit"]);
        var after = (Dictionary<string, object?>)calls[1].Parameters["after"]!;
        Assert.Equal(("2022-03-15", "2022-03-15", "s1"), (after["earliest"], after["latest"], after["id"]));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("eyJ4Ij")]
    [InlineData("eyJJZCI6bnVsbH0")]
    public async Task a_shipment_cursor_the_store_did_not_issue_is_refused_before_anything_is_asked(string cursor)
    {
        var runner = Answering();
        await using var store = new Neo4jGraphStore(runner);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.GetShipmentPagesAsync(new ShipmentPageQuery(["acme"], ShipmentRole.Sender, ShipmentFilter.None, 2, cursor), Ct));

        Assert.Contains("cursor", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(runner.Calls);
    }

    [Fact]
    public async Task search_asks_the_full_text_index_for_every_token_and_the_last_as_a_prefix_with_exact_names_first()
    {
        var runner = Answering();
        runner.Answers["search-exact-names"] = _ => new QueryResult(
            ["id", "name"],
            [["acme", "ACME Trading GmbH"], ["acme-2", "Acme Trading House"], ["acme-3", "Trading, Acme"]],
            []);
        runner.Answers["search-parties"] = _ => new QueryResult(
            ["total", "page"],
            [[7L, new List<object?> { Map(("entity", Entity(Trade["acme"])), ("score", 101.5)), Map(("entity", Entity(Trade["kg"])), ("score", 2L)) }]],
            []);
        await using var store = new Neo4jGraphStore(runner);

        var page = await store.SearchAsync(new PartySearch("ООО Acme Trading", [PartyKind.Company], [" DE "], First: 1), Ct);

        var candidates = runner.Named("search-exact-names").Single().Parameters;
        Assert.Equal(("+\"acme\" +\"trading\"", 2L), (candidates["query"], candidates["tokenCount"]));
        Assert.Equal(["acme", "trading"], (IEnumerable<string>)candidates["tokens"]!);
        var parameters = runner.Named("search-parties").Single().Parameters;
        Assert.Equal(("+\"acme\" +trading*", 0L, 2L), (parameters["query"], parameters["offset"], parameters["limit"]));
        Assert.Equal(["acme", "acme-3"], (IEnumerable<string>)parameters["exactNames"]!);
        Assert.Equal(["Company"], (IEnumerable<string>)parameters["labels"]!);
        Assert.Equal(["de"], (IEnumerable<string>)parameters["countries"]!);
        Assert.Equal(("acme", 101.5, true, 7), (Assert.Single(page.Hits).Party.Id, page.Hits[0].Score, page.HasNextPage, page.TotalCount));

        await store.SearchAsync(new PartySearch("acme", After: page.EndCursor), Ct);
        Assert.Equal(1L, runner.Named("search-parties").Last().Parameters["offset"]);
    }

    [Fact]
    public void search_collects_the_matching_nodes_and_reads_the_entity_of_the_page_alone()
    {
        var statement = CypherStatements.Query("search-parties");

        Assert.Contains("collect({node: node, score: rank}) AS hits", statement, StringComparison.Ordinal);
        Assert.Contains("[hit IN hits[$offset..($offset + $limit)] | {entity: hit.node.entity, score: hit.score}] AS page", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("collect({entity:", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task links_read_from_properties_come_from_the_relationship_and_interval_links_from_their_entity()
    {
        var graph = FtmGraph.Create().Person("ivanov", "Ivan Ivanov").Company("acme", "Acme").Owns("ivanov", "acme", "60%", startDate: "2015").Sanction("ivanov", authority: "OFAC");
        var runner = Answering();
        runner.Answers["expand-links-both"] = _ => new QueryResult(
            ["id", "entity", "type", "source", "target", "schema", "datasets", "firstSeen", "lastSeen"],
            [
                ["own-ivanov-acme", "own-ivanov-acme", "OWNS", "ivanov", "acme", "Ownership", new List<object?> { "case" }, null, null],
                ["san-ivanov:entity:ivanov", "san-ivanov", "SANCTIONED_BY", "ivanov", "san-ivanov", "Sanction", new List<object?> { "case" }, "2024-03-04T09:00:00.0000000+00:00", null],
            ],
            []);
        runner.Answers["read-entities"] = parameters => new QueryResult(
            ["entity"],
            [.. ((IEnumerable<string>)parameters["ids"]!).Select(id => (IReadOnlyList<object?>)[Entity(graph[id])])],
            []);
        await using var store = new Neo4jGraphStore(runner);

        var links = await store.ExpandAsync(new LinkExpansion(["ivanov"]), Ct);

        Assert.Equal(["own-ivanov-acme"], (IEnumerable<string>)runner.Named("read-entities").Single().Parameters["ids"]!);
        var ownership = links[0];
        Assert.Equal((LinkKind.Owns, 60d, "2015", "60%"), (ownership.Kind, ownership.Share?.Exact, ownership.StartDate.ToString(), ownership.Properties["percentage"][0]));
        var sanction = links[1];
        Assert.Equal((LinkKind.SanctionedBy, "ivanov", "san-ivanov", "Sanction", "san-ivanov"), (sanction.Kind, sanction.SourceId, sanction.TargetId, sanction.Schema, sanction.Provenance.SourceId));
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero), sanction.Provenance.FirstSeen);
    }

    [Fact]
    public async Task a_store_that_does_not_answer_is_reported_unreachable_and_one_not_initialized_as_not_current()
    {
        var runner = Answering();
        await using var store = new Neo4jGraphStore(runner, new Neo4jStoreOptions { Uri = new Uri("http://neo4j:secret@db.example:7474/") });
        runner.Answers["store-status"] = _ => throw new HttpRequestException("Connection refused");

        var down = await store.GetStatusAsync(Ct);
        runner.Answers["store-status"] = _ => new QueryResult(["schemaVersion", "dataVersion"], [[null, 0L]], []);
        runner.Answers["count-entities"] = _ => new QueryResult(["entities"], [[0L]], []);
        var bare = await store.GetStatusAsync(Ct);
        runner.Answers["store-status"] = _ => new QueryResult(["schemaVersion", "dataVersion"], [[(long)Neo4jGraphStore.SchemaVersion, 3L]], []);
        runner.Answers["count-entities"] = _ => new QueryResult(["entities"], [[7L]], []);
        var ready = await store.GetStatusAsync(Ct);

        Assert.Equal((false, false), (down.Reachable, down.Ready));
        Assert.Contains("Connection refused", down.Detail, StringComparison.Ordinal);
        Assert.Equal((true, false), (bare.Reachable, bare.Ready));
        Assert.Equal((true, 7L), (ready.Ready, ready.Entities));
        Assert.DoesNotContain("secret", ready.Description, StringComparison.Ordinal);
        Assert.Contains("db.example:7474", ready.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_status_probe_counts_the_entities_again_only_after_a_write_moved_the_data_version()
    {
        var runner = Answering();
        await using var store = new Neo4jGraphStore(runner);
        var dataVersion = 3L;
        runner.Answers["store-status"] = _ => new QueryResult(["schemaVersion", "dataVersion"], [[(long)Neo4jGraphStore.SchemaVersion, dataVersion]], []);
        runner.Answers["count-entities"] = _ => new QueryResult(["entities"], [[7L + dataVersion]], []);

        var first = await store.GetStatusAsync(Ct);
        var unchanged = await store.GetStatusAsync(Ct);
        dataVersion = 4;
        var written = await store.GetStatusAsync(Ct);

        Assert.Equal([10L, 10L, 11L], [first.Entities, unchanged.Entities, written.Entities]);
        Assert.Equal(2, runner.Named("count-entities").Count());
        Assert.Equal(3, runner.Named("store-status").Count());
        // The probe itself is one node read by its unique id, whatever the store holds.
        Assert.DoesNotContain("Entity", runner.Named("store-status").First().Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task export_pages_through_the_entities_in_id_order()
    {
        var runner = Answering();
        var ids = Enumerable.Range(0, 5_001).Select(i => $"c{i:D5}").ToList();
        runner.Answers["export-entities"] = parameters =>
        {
            var after = (string)parameters["after"]!;
            var page = ids.Where(id => string.CompareOrdinal(id, after) > 0).Take((int)(long)parameters["limit"]!).ToList();
            return new QueryResult(["id", "entity"], [.. page.Select(id => (IReadOnlyList<object?>)[id, Entity(new FtmEntity(id, "Company", new Dictionary<string, IReadOnlyList<string>>()))])], []);
        };
        await using var store = new Neo4jGraphStore(runner);

        var exported = new List<string>();
        await foreach (var entity in store.ExportAsync(Ct))
            exported.Add(entity.Id);

        Assert.Equal(ids, exported);
        Assert.Equal(2, runner.Named("export-entities").Count());
    }

    [Fact]
    public async Task exported_fragments_are_read_per_node_in_dataset_order_and_a_node_without_any_gives_its_merged_entity()
    {
        var runner = Answering();
        var registry = Fragment("acme", "registry", ("name", "Acme GmbH"));
        var customs = Fragment("acme", "customs", ("name", "ACME Trading"));
        var merged = new FtmEntity("legacy", "Company", new Dictionary<string, IReadOnlyList<string>> { ["name"] = ["Legacy Ltd"] }) { Datasets = ["customs", "registry"] };
        runner.Answers["export-fragments"] = parameters => (string)parameters["after"]! == string.Empty
            ? new QueryResult(
                ["id", "entity", "fragments"],
                [
                    ["acme", Entity(FtmFragments.Merge([customs, registry])), EntityDocuments.Fragments([(registry, "run-2"), (customs, "run-1")])],
                    ["legacy", Entity(merged), null],
                ],
                [])
            : new QueryResult([], [], []);
        await using var store = new Neo4jGraphStore(runner);

        var exported = new List<IReadOnlyList<StoredFragment>>();
        await foreach (var fragments in store.ExportFragmentsAsync(Ct))
            exported.Add(fragments);

        Assert.Equal(2, exported.Count);
        Assert.Equal([("customs", "run-1", "ACME Trading"), ("registry", "run-2", "Acme GmbH")], exported[0].Select(f => (f.Dataset, f.RunId, f.Fragment.First("name"))));
        var legacy = Assert.Single(exported[1]);
        Assert.Equal(("legacy", string.Empty, "Legacy Ltd"), (legacy.Fragment.Id, legacy.RunId, legacy.Fragment.First("name")));
        Assert.Equal(["customs", "registry"], legacy.Fragment.Datasets);
        Assert.Single(runner.Named("export-fragments"));
    }

    [Fact]
    public async Task exported_fragments_page_through_the_nodes_in_id_order()
    {
        var runner = Answering();
        var ids = Enumerable.Range(0, 5_001).Select(i => $"c{i:D5}").ToList();
        runner.Answers["export-fragments"] = parameters =>
        {
            var after = (string)parameters["after"]!;
            var page = ids.Where(id => string.CompareOrdinal(id, after) > 0).Take((int)(long)parameters["limit"]!).ToList();
            return new QueryResult(
                ["id", "entity", "fragments"],
                [.. page.Select(id => (IReadOnlyList<object?>)[id, Entity(Fragment(id, "registry")), EntityDocuments.Fragments([(Fragment(id, "registry"), "run-1")])])],
                []);
        };
        await using var store = new Neo4jGraphStore(runner);

        var exported = new List<string>();
        await foreach (var fragments in store.ExportFragmentsAsync(Ct))
            exported.Add(Assert.Single(fragments).Fragment.Id);

        Assert.Equal(ids, exported);
        Assert.Equal(2, runner.Named("export-fragments").Count());
    }

    private static FtmEntity Fragment(string id, string dataset, params (string Key, string Value)[] values) =>
        FtmFragments.Fragment(id, dataset, "Company", values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)[v.Value], StringComparer.Ordinal), null, null);

    private static RecordingRunner Answering()
    {
        var runner = new RecordingRunner();
        runner.Answers["search-parties"] = _ => new QueryResult(["total", "page"], [[0L, new List<object?>()]], []);
        runner.Answers["store-status"] = _ => new QueryResult(["schemaVersion", "dataVersion"], [[1L, 0L]], []);
        runner.Answers["count-entities"] = _ => new QueryResult(["entities"], [[0L]], []);
        runner.Answers["data-version"] = _ => new QueryResult(["dataVersion"], [[0L]], []);
        return runner;
    }

    private static string Entity(FtmEntity entity) => EntityDocuments.Entity(entity);

    private static IReadOnlyDictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
