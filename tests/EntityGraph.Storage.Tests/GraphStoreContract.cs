using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Testing;

namespace EntityGraph.Storage.Tests;

/// <summary>
/// What every <see cref="IGraphStore"/> must do, stated once and run against each store (the
/// npgsql specification-tests pattern). Each test gets a fresh, initialized, empty store. Nothing
/// here may know how a store keeps its data.
/// </summary>
public abstract class GraphStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);

    protected IGraphStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store over empty storage of its own; the contract initializes and disposes it.</summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync(Ct);
    }

    public virtual async ValueTask DisposeAsync()
    {
        // A store that is skipped (no server to run against) never had one created.
        if (Store is { } store)
            await store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static ImportRun Run(string dataset = "fixture", int day = 0) =>
        new(dataset, $"{dataset}-run-{day}", Monday.AddDays(day));

    protected Task<UpsertResult> Import(FtmGraph graph, ImportRun? run = null) => Import(graph.Entities, run);

    protected Task<UpsertResult> Import(IReadOnlyList<FtmEntity> entities, ImportRun? run = null) =>
        Store.UpsertAsync(entities, run ?? Run(), Ct);

    protected async Task<List<FtmEntity>> Export()
    {
        var entities = new List<FtmEntity>();
        await foreach (var entity in Store.ExportAsync(Ct))
            entities.Add(entity);
        return entities;
    }

    protected async Task<List<IReadOnlyList<StoredFragment>>> ExportFragments()
    {
        var entities = new List<IReadOnlyList<StoredFragment>>();
        await foreach (var fragments in Store.ExportFragmentsAsync(Ct))
            entities.Add(fragments);
        return entities;
    }

    /// <summary>An entity as an investigator would compare it: everything but when it was last seen.</summary>
    protected static string Describe(FtmEntity e) =>
        $"{e.Id} {e.Schema} [{string.Join(",", e.Datasets)}] first={e.FirstSeen:O} "
        + string.Join("; ", e.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={string.Join("|", p.Value)}"));

    private static FtmGraph Case() => SmallCases.OneOfEachKind();

    [Fact]
    public async Task every_kind_of_node_and_link_is_read_back_by_id()
    {
        var result = await Import(Case());
        Assert.Equal(7, result.Written);
        Assert.Empty(result.Rejected);

        var parties = await Store.GetPartiesAsync(["acme", "ivanov", "buyer"], Ct);
        Assert.Equal(["acme", "buyer", "ivanov"], parties.Select(p => p.Id).Order(StringComparer.Ordinal));
        var acme = parties.Single(p => p.Id == "acme");
        Assert.Equal((PartyKind.Company, "Acme GmbH", "de", "2019"), (acme.Kind, acme.Name, acme.Countries.Single(), acme.IncorporationDate.ToString()));
        Assert.Equal(["fixture"], acme.Provenance.Datasets);
        Assert.Equal(PartyKind.Person, parties.Single(p => p.Id == "ivanov").Kind);

        var shipment = Assert.Single(await Store.GetShipmentsAsync(["s1"], Ct));
        Assert.Equal(("acme", "buyer", "2022-05-03", "854231", 12000d), (shipment.SenderId, shipment.ReceiverId, shipment.Date.ToString(), shipment.HsCode?.Digits, shipment.ValueUsd));
        Assert.Equal(ChplTier.Tier1, shipment.ChplTier);

        var sanction = Assert.Single(await Store.GetSanctionsAsync(["san-ivanov"], Ct));
        Assert.Equal(("OFAC", "ivanov"), (sanction.Authority, sanction.EntityIds.Single()));

        var address = Assert.Single(await Store.GetAddressesAsync(["addr-1"], Ct));
        Assert.Equal(("Leninsky 1, Moscow", "ru"), (address.Full, address.Countries.Single()));

        var ownership = Assert.Single(await Store.GetLinksAsync(["own-ivanov-buyer"], Ct));
        Assert.Equal((LinkKind.Owns, "ivanov", "buyer", 51d, "2021-02"), (ownership.Kind, ownership.SourceId, ownership.TargetId, ownership.Share?.Exact, ownership.StartDate.ToString()));
        Assert.Equal(["51%"], ownership.Properties["percentage"]);

        var entity = Assert.Single(await Store.GetEntitiesAsync(["s1"], Ct));
        Assert.Equal(("EconomicActivity", "8542.31"), (entity.Schema, entity.First("vedCode")));
    }

    [Fact]
    public async Task typed_reads_return_only_nodes_of_their_type()
    {
        await Import(Case());
        Assert.Empty(await Store.GetPartiesAsync(["s1", "addr-1", "own-ivanov-buyer"], Ct));
        Assert.Empty(await Store.GetShipmentsAsync(["acme"], Ct));
        Assert.Empty(await Store.GetSanctionsAsync(["acme"], Ct));
        Assert.Empty(await Store.GetAddressesAsync(["acme"], Ct));
    }

    [Fact]
    public async Task unknown_ids_are_skipped()
    {
        await Import(Case());
        Assert.Equal(["acme"], (await Store.GetPartiesAsync(["nobody", "acme", "ghost"], Ct)).Select(p => p.Id));
        Assert.Empty(await Store.GetEntitiesAsync(["nobody"], Ct));
        Assert.Empty(await Store.GetShipmentsAsync(["nothing"], Ct));
        Assert.Empty(await Store.GetLinksAsync(["nowhere"], Ct));
        Assert.Empty(await Store.GetPartiesAsync([], Ct));
    }

    [Fact]
    public async Task lines_with_the_same_id_in_one_run_are_merged()
    {
        var lines = new[]
        {
            new FtmEntity("acme", "Company", Values(("name", "Acme GmbH"), ("country", "de"))),
            new FtmEntity("acme", "Company", Values(("name", "Acme Holding"), ("country", "de"))),
        };
        var run = Run();
        var result = await Import(lines, run);
        await Import([new FtmEntity("acme", "Company", Values(("alias", "ACME")))], run);

        Assert.Equal(2, result.Written);
        var acme = Assert.Single(await Store.GetEntitiesAsync(["acme"], Ct));
        Assert.Equal(["Acme GmbH", "Acme Holding"], acme.Values("name"));
        Assert.Equal(["de"], acme.Values("country"));
        Assert.Equal(["ACME"], acme.Values("alias"));
    }

    [Fact]
    public async Task reimporting_a_dataset_replaces_its_values_for_the_entities_it_carries()
    {
        await Import(FtmGraph.Create().Company("acme", "Acme GmbH", country: "de").Company("other", "Other Ltd"), Run("registry", 0));
        await Import(FtmGraph.Create().Company("acme", "Acme AG"), Run("registry", 1));

        var acme = Assert.Single(await Store.GetPartiesAsync(["acme"], Ct));
        Assert.Equal("Acme AG", acme.Name);
        Assert.Empty(acme.Countries);
        Assert.Single(await Store.GetPartiesAsync(["other"], Ct));
        Assert.DoesNotContain((await Store.SearchAsync(new PartySearch("Acme GmbH"), Ct)).Hits, h => h.Party.Name == "Acme GmbH");
    }

    [Fact]
    public async Task another_datasets_values_stay_when_one_dataset_is_reimported()
    {
        await Import(FtmGraph.Create().Company("acme", "Acme GmbH", country: "de"), Run("registry", 0));
        await Import(FtmGraph.Create().Company("acme", "ACME Trading", country: "kg"), Run("customs", 1));
        await Import(FtmGraph.Create().Company("acme", "Acme AG", country: "de"), Run("registry", 2));

        var acme = Assert.Single(await Store.GetEntitiesAsync(["acme"], Ct));
        Assert.Equal(["customs", "registry"], acme.Datasets);
        Assert.Equal(["ACME Trading", "Acme AG"], acme.Values("name"));
        Assert.Equal(["kg", "de"], acme.Values("country"));
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero), acme.FirstSeen);
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero), acme.LastSeen);
    }

    [Fact]
    public async Task running_the_same_batch_again_changes_nothing_but_when_it_was_last_seen()
    {
        await Import(Case(), Run("case", 0));
        var before = (await Export()).Select(Describe).ToList();
        var linksBefore = await Store.ExpandAsync(new LinkExpansion(["acme", "ivanov", "buyer"]), Ct);

        await Import(Case(), Run("case", 1));

        var after = await Export();
        Assert.Equal(before, after.Select(Describe));
        Assert.All(after, e => Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero), e.LastSeen));
        var linksAfter = await Store.ExpandAsync(new LinkExpansion(["acme", "ivanov", "buyer"]), Ct);
        Assert.Equal(linksBefore.Select(l => l.Id), linksAfter.Select(l => l.Id));
    }

    [Fact]
    public async Task an_entity_whose_schemata_cannot_be_merged_is_refused_and_the_rest_is_written()
    {
        await Import(FtmGraph.Create().Company("acme", "Acme GmbH"), Run("registry"));

        var result = await Import(FtmGraph.Create().Person("acme", "Acme Person").Company("beta", "Beta LLC"), Run("people"));

        var refused = Assert.Single(result.Rejected);
        Assert.Equal((0, "acme"), (refused.Index, refused.Id));
        Assert.Contains("Person", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("Company", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.Written);
        Assert.Equal(PartyKind.Company, Assert.Single(await Store.GetPartiesAsync(["acme"], Ct)).Kind);
        Assert.Single(await Store.GetPartiesAsync(["beta"], Ct));
    }

    [Fact]
    public async Task conflicting_schemata_within_one_batch_refuse_the_later_line()
    {
        var result = await Import([
            new FtmEntity("x", "Company", Values(("name", "X Corp"))),
            new FtmEntity("x", "Person", Values(("name", "X Person"))),
        ]);

        Assert.Equal((1, "x"), (Assert.Single(result.Rejected).Index, result.Rejected[0].Id));
        Assert.Equal("X Corp", Assert.Single(await Store.GetPartiesAsync(["x"], Ct)).Name);
    }

    [Fact]
    public async Task the_most_specific_schema_wins()
    {
        await Import(FtmGraph.Create().LegalEntity("acme", "Acme"), Run("customs"));
        await Import(FtmGraph.Create().Company("acme", "Acme GmbH"), Run("registry"));

        var acme = Assert.Single(await Store.GetPartiesAsync(["acme"], Ct));
        Assert.Equal(("Company", PartyKind.Company), (acme.Schema, acme.Kind));
        Assert.Equal("Company", Assert.Single(await Store.GetEntitiesAsync(["acme"], Ct)).Schema);
    }

    [Fact]
    public async Task partial_dates_keep_their_precision()
    {
        await Import(FtmGraph.Create().Company("acme", "Acme", incorporated: "2021-02").Company("b", "B").Shipment("s1", "acme", "b", date: "2021"));

        Assert.Equal("2021-02", Assert.Single(await Store.GetPartiesAsync(["acme"], Ct)).IncorporationDate.ToString());
        Assert.Equal("2021", Assert.Single(await Store.GetShipmentsAsync(["s1"], Ct)).Date.ToString());
        Assert.Equal(["2021-02"], Assert.Single(await Store.GetEntitiesAsync(["acme"], Ct)).Values("incorporationDate"));
    }

    [Theory]
    [InlineData("ELEKTRONIKA")]
    [InlineData("Электроника")]
    [InlineData("elektronika llc")]
    [InlineData("ОсОО Электроника")]
    [InlineData("TOO Elektronika")]
    [InlineData("OOO Elektronika GmbH")]
    [InlineData("elektr")]
    public async Task search_finds_a_name_across_case_script_and_legal_forms(string query)
    {
        await Import(FtmGraph.Create().Company("buyer", "ООО «Электроника»", country: "ru").Company("acme", "Acme GmbH"));

        var page = await Store.SearchAsync(new PartySearch(query), Ct);

        Assert.Equal("buyer", Assert.Single(page.Hits).Party.Id);
        Assert.Equal(1, page.TotalCount);
    }

    [Theory]
    [InlineData("Muller")]
    [InlineData("MÜLLER")]
    [InlineData("Hans Muller")]
    [InlineData("Müller Hans")]
    public async Task search_ignores_diacritics_and_word_order(string query)
    {
        await Import(FtmGraph.Create().Person("mueller", "Hans Müller").Person("other", "Hans Schmidt"));

        var page = await Store.SearchAsync(new PartySearch(query), Ct);

        Assert.Equal("mueller", Assert.Single(page.Hits).Party.Id);
    }

    [Fact]
    public async Task latin_names_are_found_by_cyrillic_queries()
    {
        await Import(FtmGraph.Create().Company("e", "Elektronika LLC"));

        Assert.Equal("e", Assert.Single((await Store.SearchAsync(new PartySearch("ООО Электроника"), Ct)).Hits).Party.Id);
    }

    [Fact]
    public async Task search_requires_every_word()
    {
        await Import(FtmGraph.Create().Company("a", "Alpha Trading").Company("b", "Beta Trading"));

        Assert.Equal(["a"], (await Store.SearchAsync(new PartySearch("trading alpha"), Ct)).Hits.Select(h => h.Party.Id));
        Assert.Equal(2, (await Store.SearchAsync(new PartySearch("trading"), Ct)).TotalCount);
        Assert.Empty((await Store.SearchAsync(new PartySearch("gamma trading"), Ct)).Hits);
        Assert.Empty((await Store.SearchAsync(new PartySearch("  "), Ct)).Hits);
    }

    [Fact]
    public async Task a_party_whose_name_is_exactly_the_query_ranks_first()
    {
        await Import(FtmGraph.Create()
            .Company("long", "Ural Ural Ural Trading House Ural")
            .Company("exact", "Ural LLC")
            .Company("longer", "Uralmash Ural Heavy Machinery"));

        Assert.Equal("exact", (await Store.SearchAsync(new PartySearch("Ural"), Ct)).Hits[0].Party.Id);
    }

    [Fact]
    public async Task search_filters_by_kind_and_country()
    {
        await Import(FtmGraph.Create()
            .Company("c-ru", "Volga Trading", country: "ru")
            .Company("c-kg", "Volga Trading", country: "kg")
            .Person("p-ru", "Volga Trading", country: "ru"));

        var companies = await Store.SearchAsync(new PartySearch("volga", Kinds: [PartyKind.Company]), Ct);
        Assert.Equal(["c-kg", "c-ru"], companies.Hits.Select(h => h.Party.Id).Order(StringComparer.Ordinal));
        var russian = await Store.SearchAsync(new PartySearch("volga", Countries: ["RU"]), Ct);
        Assert.Equal(["c-ru", "p-ru"], russian.Hits.Select(h => h.Party.Id).Order(StringComparer.Ordinal));
        var both = await Store.SearchAsync(new PartySearch("volga", Kinds: [PartyKind.Company], Countries: ["ru"]), Ct);
        Assert.Equal(("c-ru", 1), (Assert.Single(both.Hits).Party.Id, both.TotalCount));
    }

    [Fact]
    public async Task search_pages_cover_every_hit_exactly_once()
    {
        var graph = FtmGraph.Create();
        for (var i = 0; i < 23; i++)
            graph.Company($"c{i:D2}", $"Sever Logistics {i}");
        await Import(graph);

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await Store.SearchAsync(new PartySearch("sever", First: 5, After: after), Ct);
            Assert.Equal(23, page.TotalCount);
            seen.AddRange(page.Hits.Select(h => h.Party.Id));
            pages++;
            if (!page.HasNextPage)
                break;
            after = page.EndCursor;
        }

        Assert.Equal(5, pages);
        Assert.Equal(23, seen.Distinct().Count());
        Assert.Equal(23, seen.Count);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("eyJ4Ij")]
    public async Task a_malformed_search_cursor_is_refused_with_a_clear_message(string cursor)
    {
        await Import(FtmGraph.Create().Company("a", "Alpha"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SearchAsync(new PartySearch("alpha", After: cursor), Ct));
        Assert.Contains("cursor", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static FtmGraph Network() => FtmGraph.Create()
        .Person("ivanov", "Ivan Ivanov")
        .Company("acme", "Acme")
        .Company("beta", "Beta")
        .Company("gamma", "Gamma")
        .Owns("ivanov", "acme", "60%", startDate: "2015", endDate: "2019-06")
        .Owns("ivanov", "beta", "30%", startDate: "2020-01-15")
        .Owns("acme", "gamma", "100%")
        .Directs("ivanov", "gamma", role: "CEO", startDate: "2022-03")
        .Address("addr", "Moscow", of: "acme");

    [Fact]
    public async Task links_are_expanded_by_kind_and_direction_in_link_id_order()
    {
        await Import(Network());

        var all = await Store.ExpandAsync(new LinkExpansion(["ivanov", "acme"]), Ct);
        Assert.Equal(["acme:addressEntity:addr", "dir-ivanov-gamma", "own-acme-gamma", "own-ivanov-acme", "own-ivanov-beta"], all.Select(l => l.Id));

        var owned = await Store.ExpandAsync(new LinkExpansion(["ivanov"], Kinds: [LinkKind.Owns], Direction: LinkDirection.Outgoing), Ct);
        Assert.Equal(["own-ivanov-acme", "own-ivanov-beta"], owned.Select(l => l.Id));

        var owners = await Store.ExpandAsync(new LinkExpansion(["acme", "gamma"], Direction: LinkDirection.Incoming), Ct);
        Assert.Equal(["dir-ivanov-gamma", "own-acme-gamma", "own-ivanov-acme"], owners.Select(l => l.Id));

        var registered = await Store.ExpandAsync(new LinkExpansion(["addr"], Kinds: [LinkKind.RegisteredAt]), Ct);
        Assert.Equal(("acme", "addr"), (Assert.Single(registered).SourceId, registered[0].TargetId));

        Assert.Equal(2, (await Store.ExpandAsync(new LinkExpansion(["ivanov", "acme"], Limit: 2), Ct)).Count);
    }

    [Fact]
    public async Task links_are_expanded_by_the_dates_they_were_active()
    {
        await Import(Network());
        var expansion = new LinkExpansion(["ivanov"], Direction: LinkDirection.Outgoing);

        Assert.Equal(["dir-ivanov-gamma", "own-ivanov-beta"], (await Store.ExpandAsync(expansion with { ActiveFrom = new DateOnly(2019, 7, 1) }, Ct)).Select(l => l.Id));
        Assert.Equal(["dir-ivanov-gamma", "own-ivanov-acme", "own-ivanov-beta"], (await Store.ExpandAsync(expansion with { ActiveFrom = new DateOnly(2019, 6, 30) }, Ct)).Select(l => l.Id));
        Assert.Equal(["own-ivanov-acme"], (await Store.ExpandAsync(expansion with { ActiveTo = new DateOnly(2020, 1, 14) }, Ct)).Select(l => l.Id));
        Assert.Equal(["own-ivanov-beta"], (await Store.ExpandAsync(expansion with { ActiveFrom = new DateOnly(2020, 2, 1), ActiveTo = new DateOnly(2022, 2, 28) }, Ct)).Select(l => l.Id));
    }

    private static FtmGraph Trade() => FtmGraph.Create()
        .Company("acme", "Acme", country: "de")
        .Company("kg", "Bishkek Trade", country: "kg")
        .Company("ru", "Volga", country: "ru")
        .Shipment("s1", "acme", "kg", date: "2022-03-15", hs: "854231", value: 12000)
        .Shipment("s2", "acme", "kg", date: "2022-03", hs: "8471.50", value: 500)
        .Shipment("s3", "acme", "ru", date: "2021", hs: "854239", value: 90000)
        .Shipment("s4", "acme", "kg", date: "2023-01-02", hs: "610910", value: 7000, declarant: "ru")
        .Shipment("s5", "acme", "kg", hs: "854231")
        .Shipment("s6", "kg", "ru", date: "2022-03-20", hs: "854231", value: 15000)
        .Shipment("s7", "acme", "ru", date: "2022-03-01", hs: "852691", value: 2500);

    public static TheoryData<string, ShipmentFilter> Filters => new()
    {
        { "none", ShipmentFilter.None },
        { "from", new ShipmentFilter(From: new DateOnly(2022, 3, 31)) },
        { "to", new ShipmentFilter(To: new DateOnly(2022, 3, 1)) },
        { "window", new ShipmentFilter(From: new DateOnly(2021, 12, 31), To: new DateOnly(2022, 3, 10)) },
        { "hs", new ShipmentFilter(HsPrefixes: ["8542", "8471.5"]) },
        { "hs without digits", new ShipmentFilter(HsPrefixes: ["x"]) },
        { "tiers", new ShipmentFilter(Tiers: [ChplTier.Tier1, ChplTier.Tier3A]) },
        { "min value", new ShipmentFilter(MinValueUsd: 7000) },
        { "everything", new ShipmentFilter(new DateOnly(2021, 6, 1), new DateOnly(2022, 12, 31), ["85"], [ChplTier.Tier1], 10000) },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task shipment_expansion_agrees_with_the_filter(string name, ShipmentFilter filter)
    {
        var graph = Trade();
        await Import(graph);
        var everything = await Store.GetShipmentsAsync(graph.Entities.Where(e => e.Schema == "EconomicActivity").Select(e => e.Id).ToArray(), Ct);
        var expected = everything.Where(s => s.SenderId == "acme" && filter.Matches(s))
            .OrderBy(s => s.Date ?? new PartialDate?()).ThenBy(s => s.Date is null).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => s.Id).ToList();

        var found = await Store.ExpandShipmentsAsync(new ShipmentExpansion(["acme"], ShipmentRole.Sender, filter), Ct);

        Assert.True(expected.Count > 0 || name == "hs without digits", "the fixture should exercise the filter");
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task trades_are_the_expanded_shipments_in_the_same_order_with_the_same_parties_dates_values_and_tiers(string name, ShipmentFilter filter)
    {
        await Import(Trade());

        foreach (var (ids, role) in new[] { (new[] { "acme", "kg" }, ShipmentRole.Sender), (["ru"], ShipmentRole.Receiver), (["ru"], ShipmentRole.Declarant) })
        {
            foreach (var limit in new[] { 100_000, 2 })
            {
                var expansion = new ShipmentExpansion(ids, role, filter, limit);
                var shipments = await Store.ExpandShipmentsAsync(expansion, Ct);
                var trades = await Store.ExpandTradesAsync(expansion, Ct);

                Assert.Equal(
                    shipments.Select(s => new Trade(s.Id, s.SenderId, s.ReceiverId, s.Date, s.ValueUsd, s.ChplTier, s.HsCode)),
                    trades);
            }
        }

        Assert.NotEmpty(await Store.ExpandTradesAsync(new ShipmentExpansion(["acme"], ShipmentRole.Sender, ShipmentFilter.None), Ct));
        Assert.True(name.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task an_in_memory_trade_index_built_from_the_stream_answers_exactly_like_the_store(string name, ShipmentFilter filter)
    {
        await Import(Trade());
        var index = await TradeIndex.BuildAsync(Store, Ct);

        Assert.Equal(Trade().Entities.Count(e => e.Schema == "EconomicActivity"), index.Count);
        foreach (var (ids, role) in new[] { (new[] { "acme", "kg", "nobody" }, ShipmentRole.Sender), (["ru", "acme"], ShipmentRole.Receiver) })
        {
            foreach (var limit in new[] { 100_000, 3, 1 })
            {
                var expansion = new ShipmentExpansion(ids, role, filter, limit);
                Assert.Equal(await Store.ExpandTradesAsync(expansion, Ct), index.Expand(expansion));
            }
        }

        Assert.True(name.Length > 0);
    }

    [Fact]
    public async Task shipment_role_links_read_around_a_party_are_those_the_shipment_itself_projects()
    {
        await Import(Trade());

        var around = await Store.ExpandAsync(new LinkExpansion(["acme", "ru"], [LinkKind.Sent, LinkKind.Received, LinkKind.Declared]), Ct);
        var entities = await Store.GetEntitiesAsync([.. around.Select(l => l.Kind == LinkKind.Received ? l.SourceId : l.TargetId).Distinct()], Ct);
        var projected = entities.SelectMany(e => FtmProjector.Project(e).Links).ToDictionary(l => l.Id);

        Assert.NotEmpty(around);
        Assert.All(around, link =>
        {
            var expected = projected[link.Id];
            Assert.Equal((expected.Kind, expected.SourceId, expected.TargetId, expected.Schema), (link.Kind, link.SourceId, link.TargetId, link.Schema));
            Assert.Equal(expected.Provenance.Datasets, link.Provenance.Datasets);
            Assert.Equal(expected.Provenance.SourceId, link.Provenance.SourceId);
        });
    }

    [Fact]
    public async Task the_data_version_moves_with_every_committed_change_and_only_then()
    {
        var before = await Store.GetDataVersionAsync(Ct);
        Assert.Equal(before, await Store.GetDataVersionAsync(Ct));

        await Import(Trade());
        var imported = await Store.GetDataVersionAsync(Ct);
        Assert.NotEqual(before, imported);
        Assert.Equal(imported, await Store.GetDataVersionAsync(Ct));

        Assert.True(await Store.DeleteAsync("s1", Ct));
        Assert.NotEqual(imported, await Store.GetDataVersionAsync(Ct));
    }

    [Fact]
    public async Task a_trade_indexed_store_answers_from_the_store_until_its_index_is_current_again()
    {
        await Import(Trade());
        var indexed = new IndexedGraphStore(Store);
        await indexed.BuildNowAsync(Ct);
        var expansion = new ShipmentExpansion(["acme"], ShipmentRole.Sender, ShipmentFilter.None);
        Assert.Equal(await Store.ExpandTradesAsync(expansion, Ct), await indexed.ExpandTradesAsync(expansion, Ct));

        await Import(FtmGraph.Create().Shipment("s-new", "acme", "ru", "2023-01-01", "854231", 5));

        // The index is stale at once: the new shipment comes back from the store, then from a rebuilt index.
        Assert.Contains("s-new", (await indexed.ExpandTradesAsync(expansion, Ct)).Select(t => t.ShipmentId));
        for (var wait = 0; wait < 100 && !indexed.IndexReady; wait++)
        {
            await Task.Delay(50, Ct);
            await indexed.WarmUpAsync(Ct);
        }

        Assert.True(indexed.IndexReady);
        Assert.Equal(await Store.ExpandTradesAsync(expansion, Ct), await indexed.ExpandTradesAsync(expansion, Ct));
    }

    /// <summary>Whether the store streams each shipment's <see cref="TradeLinks"/>, so that a trade index holds role links.</summary>
    protected virtual bool StreamsRoleLinks => false;

    [Fact]
    public async Task a_trade_indexed_store_answers_link_expansions_exactly_like_the_store()
    {
        // Shipments with second senders, receivers and declarants, one carried by two datasets, one linked
        // otherwise than by its roles, next to links of other kinds.
        await Import(Trade()
            .Set("s4", "declarant", "broker")
            .Entity("rel-ivanov-s2", "UnknownLink", ("subject", "ivanov"), ("object", "s2"), ("role", "paid for"))
            .Company("partner", "Partner BV", country: "nl")
            .Company("broker", "Broker LLC", country: "ae")
            .Person("ivanov", "Ivan Ivanov", country: "ru")
            .Set("s1", "sender", "partner")
            .Set("s6", "receiver", "acme")
            .Set("s2", "receiver", "broker")
            .Owns("ivanov", "ru", "51%", startDate: "2021-02")
            .Owns("acme", "kg", "100%", endDate: "2020-12")
            .Directs("ivanov", "kg", role: "CEO")
            .Address("addr", "Bishkek", of: "kg"));
        await Import(FtmGraph.Create().Shipment("s3", "acme", "ru", date: "2021", hs: "854239", value: 90000).Set("s3", "sender", "broker"), Run("customs", day: 1));
        var indexed = new IndexedGraphStore(Store) { LinkCacheSize = 0 };
        await indexed.BuildNowAsync(Ct);
        Assert.Equal(StreamsRoleLinks, (await indexed.CurrentIndexAsync(Ct))!.HoldsRoleLinks);

        string[] nodes = ["acme", "kg", "ru", "partner", "broker", "ivanov", "s1", "s2", "s3", "s4", "s6", "addr", "nobody"];
        var nodeSets = nodes.Select(n => new[] { n }).Append(nodes).Append(["acme", "s1", "kg"]).Append(["partner", "s3", "broker"]).Append(["s1", "s2", "s4", "ivanov"]);
        IReadOnlyCollection<LinkKind>?[] kindSets =
        [
            null, [LinkKind.Sent], [LinkKind.Received], [LinkKind.Sent, LinkKind.Received], [LinkKind.Declared],
            [LinkKind.Owns, LinkKind.Sent], [LinkKind.Directs, LinkKind.RegisteredAt], [LinkKind.RelatedTo, LinkKind.Received],
        ];
        var compared = 0;
        var fromIndex = 0;
        foreach (var ids in nodeSets)
        {
            foreach (var kinds in kindSets)
            {
                foreach (var direction in Enum.GetValues<LinkDirection>())
                {
                    foreach (var (limit, from) in new (int, DateOnly?)[] { (1000, null), (3, null), (1, null), (1000, new DateOnly(2021, 6, 1)) })
                    {
                        var expansion = new LinkExpansion(ids, kinds, direction, ActiveFrom: from, Limit: limit);
                        var expected = (await Store.ExpandAsync(expansion, Ct)).Select(Describe).ToList();
                        var found = (await indexed.ExpandAsync(expansion, Ct)).Select(Describe).ToList();
                        Assert.True(expected.SequenceEqual(found), $"{string.Join(",", ids)} {(kinds is null ? "all" : string.Join(",", kinds))} {direction} limit {limit} from {from}:\nstore: {string.Join("\n       ", expected)}\nindex: {string.Join("\n       ", found)}");
                        compared++;
                        fromIndex += found.Any(l => l.Contains(":sender:", StringComparison.Ordinal) || l.Contains(":receiver:", StringComparison.Ordinal) || l.Contains(":declarant:", StringComparison.Ordinal)) ? 1 : 0;
                    }
                }
            }
        }

        Assert.True(compared > 1000 && fromIndex > 100, $"{compared} expansions compared, {fromIndex} with role links");

        static string Describe(Link l) =>
            $"{l.Id} {l.Kind} {l.SourceId}->{l.TargetId} {l.Schema} {l.StartDate} {l.EndDate} {l.Share} {l.Role} {l.Status} "
            + $"[{string.Join(",", l.Provenance.Datasets)}] {l.Provenance.SourceId} {l.Provenance.FirstSeen:O} {l.Provenance.LastSeen:O} {l.Properties.Count}";
    }

    [Fact]
    public async Task shipments_are_expanded_by_role_ordered_by_date_coarser_dates_first_then_id_and_limited()
    {
        await Import(Trade());

        var sent = await Store.ExpandShipmentsAsync(new ShipmentExpansion(["acme", "kg"], ShipmentRole.Sender, ShipmentFilter.None), Ct);
        Assert.Equal(["s3", "s2", "s7", "s1", "s6", "s4", "s5"], sent.Select(s => s.Id));
        var received = await Store.ExpandShipmentsAsync(new ShipmentExpansion(["ru"], ShipmentRole.Receiver, ShipmentFilter.None), Ct);
        Assert.Equal(["s3", "s7", "s6"], received.Select(s => s.Id));
        var declared = await Store.ExpandShipmentsAsync(new ShipmentExpansion(["ru"], ShipmentRole.Declarant, ShipmentFilter.None), Ct);
        Assert.Equal(["s4"], declared.Select(s => s.Id));
        var limited = await Store.ExpandShipmentsAsync(new ShipmentExpansion(["acme"], ShipmentRole.Sender, ShipmentFilter.None, Limit: 2), Ct);
        Assert.Equal(["s3", "s2"], limited.Select(s => s.Id));
    }

    [Fact]
    public async Task shipment_pages_walk_each_partys_shipments_with_cursors()
    {
        await Import(Trade());
        var query = new ShipmentPageQuery(["acme", "kg", "nobody"], ShipmentRole.Sender, ShipmentFilter.None, First: 2);

        var first = await Store.GetShipmentPagesAsync(query, Ct);
        Assert.Equal(["s3", "s2"], first["acme"].Shipments.Select(s => s.Id));
        Assert.Equal((true, 6), (first["acme"].HasNextPage, first["acme"].TotalCount));
        Assert.Equal(["s6"], first["kg"].Shipments.Select(s => s.Id));
        Assert.Equal((false, 1), (first["kg"].HasNextPage, first["kg"].TotalCount));
        Assert.Equal((0, false, 0), (first["nobody"].Shipments.Count, first["nobody"].HasNextPage, first["nobody"].TotalCount));

        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = (await Store.GetShipmentPagesAsync(query with { PartyIds = ["acme"], After = after }, Ct))["acme"];
            Assert.Equal(6, page.TotalCount);
            ids.AddRange(page.Shipments.Select(s => s.Id));
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null);
        Assert.Equal(["s3", "s2", "s7", "s1", "s4", "s5"], ids);

        var filtered = (await Store.GetShipmentPagesAsync(query with { Filter = new ShipmentFilter(Tiers: [ChplTier.Tier1]) }, Ct))["acme"];
        Assert.Equal(["s3", "s1"], filtered.Shipments.Select(s => s.Id));
        Assert.Equal((true, 3), (filtered.HasNextPage, filtered.TotalCount));
    }

    [Fact]
    public async Task a_malformed_shipment_cursor_is_refused_with_a_clear_message()
    {
        await Import(Trade());
        var query = new ShipmentPageQuery(["acme"], ShipmentRole.Sender, ShipmentFilter.None, First: 2, After: "%%%");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.GetShipmentPagesAsync(query, Ct));
        Assert.Contains("cursor", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_deleted_entity_is_gone_with_the_links_read_from_it()
    {
        await Import(Case());

        Assert.True(await Store.DeleteAsync("s1", Ct));
        Assert.True(await Store.DeleteAsync("buyer", Ct));
        Assert.False(await Store.DeleteAsync("s1", Ct));

        Assert.Empty(await Store.GetShipmentsAsync(["s1"], Ct));
        Assert.Empty(await Store.GetEntitiesAsync(["buyer"], Ct));
        Assert.Empty((await Store.SearchAsync(new PartySearch("Elektronika"), Ct)).Hits);
        Assert.Empty(await Store.ExpandShipmentsAsync(new ShipmentExpansion(["acme"], ShipmentRole.Sender, ShipmentFilter.None), Ct));
        Assert.Empty(await Store.ExpandAsync(new LinkExpansion(["addr-1"]), Ct));
        Assert.Equal(["own-ivanov-buyer", "san-ivanov:entity:ivanov"], (await Store.ExpandAsync(new LinkExpansion(["ivanov"]), Ct)).Select(l => l.Id));
    }

    [Fact]
    public async Task export_streams_every_merged_entity_ordered_by_id()
    {
        var graph = Case();
        await Import(graph, Run("one"));
        await Import(FtmGraph.Create().Company("acme", "Acme Holding"), Run("two"));

        var exported = await Export();

        Assert.Equal(graph.Entities.Select(e => e.Id).Order(StringComparer.Ordinal), exported.Select(e => e.Id));
        var acme = exported.Single(e => e.Id == "acme");
        Assert.Equal(["one", "two"], acme.Datasets);
        Assert.Equal(["Acme GmbH", "Acme Holding"], acme.Values("name"));
    }

    [Fact]
    public async Task exported_fragments_keep_each_datasets_values_with_the_run_that_wrote_them_in_dataset_order()
    {
        await Import(FtmGraph.Create().Company("acme", "Acme GmbH", country: "de").Company("other", "Other Ltd"), Run("registry", 0));
        await Import(FtmGraph.Create().Company("acme", "ACME Trading", country: "kg"), Run("customs", 1));
        await Import(FtmGraph.Create().Company("acme", "Acme AG", country: "de"), Run("registry", 2));

        var exported = await ExportFragments();

        Assert.Equal(["acme", "other"], exported.Select(f => f[0].Fragment.Id));
        Assert.Equal(
            [("customs", "customs-run-1", "ACME Trading", "kg"), ("registry", "registry-run-2", "Acme AG", "de")],
            exported[0].Select(f => (f.Dataset, f.RunId, f.Fragment.First("name"), f.Fragment.First("country"))));
        Assert.All(exported[0], f => Assert.Equal([f.Dataset], f.Fragment.Datasets));
        var other = Assert.Single(exported[1]);
        Assert.Equal(("registry", "registry-run-0", "Other Ltd"), (other.Dataset, other.RunId, other.Fragment.First("name")));
    }

    [Fact]
    public async Task merging_the_exported_fragments_gives_exactly_the_exported_entities()
    {
        await Import(Case(), Run("one", 0));
        await Import(FtmGraph.Create().Company("acme", "Acme Holding", country: "at"), Run("two", 1));
        // A dataset that sorts first and knows less: the merged entity still takes the more specific schema.
        await Import([new FtmEntity("ivanov", "LegalEntity", Values(("name", "I. Ivanov"), ("country", "by")))], Run("aa", 2));

        var fragments = await ExportFragments();

        Assert.Contains(fragments, f => f.Count == 2 && f[0].Fragment.Schema == "LegalEntity");
        Assert.Equal(await Lines(await Export()), await Lines(fragments.Select(FtmFragments.Merge)));

        static async Task<string> Lines(IEnumerable<FtmEntity> entities)
        {
            using var output = new MemoryStream();
            await using (var writer = new FtmLineWriter(output, leaveOpen: true))
            {
                foreach (var entity in entities)
                    await writer.WriteAsync(entity, Ct);
            }

            return System.Text.Encoding.UTF8.GetString(output.ToArray());
        }
    }

    [Fact]
    public async Task the_status_reports_a_current_schema_and_the_number_of_entities()
    {
        await Import(Case());

        var status = await Store.GetStatusAsync(Ct);

        Assert.True(status.Ready, status.Detail);
        Assert.Equal(7, status.Entities);
    }

    [Fact]
    public async Task the_number_of_entities_in_the_status_follows_every_write()
    {
        await Import(Case());
        Assert.Equal(7, (await Store.GetStatusAsync(Ct)).Entities);
        Assert.Equal(7, (await Store.GetStatusAsync(Ct)).Entities);

        Assert.True(await Store.DeleteAsync("s1", Ct));
        Assert.Equal(6, (await Store.GetStatusAsync(Ct)).Entities);

        await Import(FtmGraph.Create().Company("newco", "Newco LLC", country: "kg"));
        Assert.Equal(7, (await Store.GetStatusAsync(Ct)).Entities);
    }

    protected static Dictionary<string, IReadOnlyList<string>> Values(params (string Property, string Value)[] values) =>
        values.GroupBy(v => v.Property).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(v => v.Value).ToArray());

    [Fact]
    public async Task shipment_roles_are_links_from_sender_to_shipment_to_receiver_and_from_declarant()
    {
        var graph = FtmGraph.Create()
            .Company("exporter", "Exporter GmbH").Company("partner", "Partner BV").Company("buyer", "Buyer OOO").Company("broker", "Broker LLC")
            .Shipment("s1", from: "exporter", to: "buyer", date: "2022-05-01", declarant: "broker")
            .Set("s1", "sender", "partner");
        await Import(graph);

        var sent = await Store.ExpandAsync(new LinkExpansion(["exporter", "partner"], Kinds: [LinkKind.Sent], Direction: LinkDirection.Outgoing), Ct);
        var received = await Store.ExpandAsync(new LinkExpansion(["buyer"], Direction: LinkDirection.Incoming), Ct);
        var aroundShipment = await Store.ExpandAsync(new LinkExpansion(["s1"]), Ct);
        var byId = await Store.GetLinksAsync(["s1:sender:partner", "s1:receiver:buyer", "s1:declarant:broker", "s1:sender:buyer"], Ct);

        Assert.Equal(["s1:sender:exporter", "s1:sender:partner"], sent.Select(l => l.Id));
        Assert.All(sent, l => Assert.Equal("s1", l.TargetId));
        var receipt = Assert.Single(received);
        Assert.Equal((LinkKind.Received, "s1", "buyer"), (receipt.Kind, receipt.SourceId, receipt.TargetId));
        Assert.Equal(["s1:declarant:broker", "s1:receiver:buyer", "s1:sender:exporter", "s1:sender:partner"], aroundShipment.Select(l => l.Id));
        Assert.Equal(["s1:declarant:broker", "s1:receiver:buyer", "s1:sender:partner"], byId.Select(l => l.Id));
    }

    [Fact]
    public async Task a_shipment_reimported_with_another_receiver_moves_its_link()
    {
        await Import(FtmGraph.Create().Company("a", "A").Company("b", "B").Company("c", "C").Shipment("s1", from: "a", to: "b"), Run(day: 0));
        await Import(FtmGraph.Create().Shipment("s1", from: "a", to: "c"), Run(day: 1));

        Assert.Empty(await Store.ExpandAsync(new LinkExpansion(["b"]), Ct));
        Assert.Equal(["s1:receiver:c"], (await Store.ExpandAsync(new LinkExpansion(["c"]), Ct)).Select(l => l.Id));
    }

    [Fact]
    public async Task after_a_bulk_load_search_and_expansion_answer_as_after_ordinary_writes()
    {
        var graph = FtmGraph.Create()
            .Company("acme", "Acme Trading GmbH", country: "de").Company("buyer", "ООО «Электроника»", country: "ru")
            .Person("ivanov", "Ivan Ivanov").Owns("ivanov", "buyer", "51%")
            .Shipment("s1", from: "acme", to: "buyer", date: "2022-05-01", hs: "854231", value: 1000);

        await using (await Store.BeginBulkLoadAsync(Ct))
        {
            await Import(graph.Entities.Take(3).ToList(), Run());
            await Import(graph.Entities.Skip(3).ToList(), Run());
            // A later fragment of an entity the load already wrote, in the same run: the values add up.
            await Import(FtmGraph.Create().Entity("acme", "Company", ("alias", "Acme Handel")).Entities, Run());
        }

        Assert.Equal(["Acme Handel"], Assert.Single(await Store.GetPartiesAsync(["acme"], Ct)).Aliases);

        Assert.Equal("buyer", Assert.Single((await Store.SearchAsync(new PartySearch("Elektronika"), Ct)).Hits).Party.Id);
        Assert.Equal(["own-ivanov-buyer", "s1:receiver:buyer"], (await Store.ExpandAsync(new LinkExpansion(["buyer"]), Ct)).Select(l => l.Id));
        Assert.Equal(["s1"], (await Store.ExpandShipmentsAsync(new ShipmentExpansion(["acme"], ShipmentRole.Sender, ShipmentFilter.None), Ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task a_bulk_load_into_a_store_that_holds_data_keeps_it_searchable()
    {
        await Import(FtmGraph.Create().Company("old", "Oldfield Holdings"));

        await using (await Store.BeginBulkLoadAsync(Ct))
            await Import(FtmGraph.Create().Company("new", "Newfield Trading"), Run(day: 1));

        Assert.Single((await Store.SearchAsync(new PartySearch("Oldfield"), Ct)).Hits);
        Assert.Single((await Store.SearchAsync(new PartySearch("Newfield"), Ct)).Hits);
    }

    private static FtmGraph Flows() => FtmGraph.Create()
        .Company("kg-co", "Ak Trade OsOO", country: "kg")
        .Company("ru-co", "Radiotekh AO", country: "ru")
        .Shipment("f1", from: "kg-co", to: "ru-co", date: "2022-03-05", hs: "8542.31", value: 100).Set("f1", "departureCountry", "kg").Set("f1", "destinationCountry", "ru")
        .Shipment("f2", from: "kg-co", to: "ru-co", date: "2022-07", hs: "8542.39", value: 50).Set("f2", "departureCountry", "kg").Set("f2", "destinationCountry", "ru")
        .Shipment("f3", from: "kg-co", to: "ru-co", date: "2022", hs: "6109.10").Set("f3", "departureCountry", "kg").Set("f3", "destinationCountry", "ru")
        .Shipment("f4", from: "kg-co", to: "ru-co", date: "2021-11-30", hs: "8542.31", value: 20).Set("f4", "originCountry", "kz").Set("f4", "destinationCountry", "ru")
        .Shipment("f5", from: "kg-co", to: "ru-co", hs: "85", value: 7).Set("f5", "departureCountry", "kg");

    [Fact]
    public async Task shipments_are_summed_per_year_and_country_pair_with_unvalued_ones_counted_apart()
    {
        await Import(Flows());

        var buckets = await Store.AggregateShipmentsAsync(
            new TradeFlowQuery(ShipmentFilter.None, [TradeFlowDimension.SenderCountry, TradeFlowDimension.ReceiverCountry]), Ct);

        Assert.Equal(
            [
                (null, null, "kg", null, null, null, null, 1L, 7d, 1L),
                (2021, null, "kz", "ru", null, null, null, 1L, 20d, 1L),
                (2022, null, "kg", "ru", null, null, null, 3L, 150d, 2L),
            ],
            Rows(buckets));
    }

    [Fact]
    public async Task monthly_buckets_keep_year_only_dates_apart_with_no_month()
    {
        await Import(Flows());

        var buckets = await Store.AggregateShipmentsAsync(
            new TradeFlowQuery(new ShipmentFilter(From: new DateOnly(2022, 1, 1)), [TradeFlowDimension.Hs6, TradeFlowDimension.ChplTier], ByMonth: true), Ct);

        Assert.Equal(
            [
                (2022, null, null, null, "610910", null, null, 1L, 0d, 0L),
                (2022, 3, null, null, "854231", null, ChplTier.Tier1, 1L, 100d, 1L),
                (2022, 7, null, null, "854239", null, ChplTier.Tier1, 1L, 50d, 1L),
            ],
            Rows(buckets));
    }

    [Fact]
    public async Task country_lists_hs_prefixes_chpl_and_value_conditions_narrow_the_aggregation()
    {
        await Import(Flows());

        async Task<long> Count(TradeFlowQuery query) => (await Store.AggregateShipmentsAsync(query, Ct)).Sum(b => b.Shipments);

        Assert.Equal(1, await Count(new TradeFlowQuery(ShipmentFilter.None, [], SenderCountries: ["kz", "ru"], ChplOnly: true)));
        Assert.Equal(1, await Count(new TradeFlowQuery(ShipmentFilter.None, [], SenderCountries: ["kz"])));
        Assert.Equal(4, await Count(new TradeFlowQuery(ShipmentFilter.None, [TradeFlowDimension.Hs4], ReceiverCountries: ["ru"])));
        Assert.Equal(3, await Count(new TradeFlowQuery(ShipmentFilter.None, [], ChplOnly: true)));
        Assert.Equal(2, await Count(new TradeFlowQuery(new ShipmentFilter(HsPrefixes: ["854231"]), [])));
        Assert.Equal(2, await Count(new TradeFlowQuery(new ShipmentFilter(MinValueUsd: 50), [])));
        Assert.Equal(1, await Count(new TradeFlowQuery(new ShipmentFilter(To: new DateOnly(2021, 12, 31)), [TradeFlowDimension.SenderCountry])));
    }

    [Fact]
    public async Task a_rewritten_or_deleted_shipment_leaves_the_aggregation_with_its_new_values()
    {
        await Import(Flows());
        await Import(FtmGraph.Create().Shipment("f1", from: "kg-co", to: "ru-co", date: "2023-01-02", value: 10).Set("f1", "departureCountry", "kz"), Run(day: 1));
        await Store.DeleteAsync("f2", Ct);

        var buckets = await Store.AggregateShipmentsAsync(new TradeFlowQuery(new ShipmentFilter(From: new DateOnly(2023, 1, 1)), [TradeFlowDimension.SenderCountry], ByMonth: true), Ct);

        Assert.Equal([(2023, 1, "kz", null, null, null, null, 1L, 10d, 1L)], Rows(buckets));
    }

    private static List<(int?, int?, string?, string?, string?, string?, ChplTier?, long, double, long)> Rows(IEnumerable<TradeFlowBucket> buckets) =>
        [.. buckets
            .Select(b => (b.Year, b.Month, b.SenderCountry, b.ReceiverCountry, b.Hs6, b.Hs4, b.ChplTier, b.Shipments, b.ValueUsd, b.ValuedShipments))
            .OrderBy(b => b.Year ?? 0).ThenBy(b => b.Month ?? 0).ThenBy(b => b.SenderCountry, StringComparer.Ordinal).ThenBy(b => b.Hs6, StringComparer.Ordinal)];
}
