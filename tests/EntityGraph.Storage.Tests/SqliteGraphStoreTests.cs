using EntityGraph.Core.Storage;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Storage.Sqlite.Internal;
using EntityGraph.Testing;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Tests;

/// <summary>The contract, run against a fresh SQLite file per test, plus what only a file-based store has: schema versions.</summary>
public sealed class SqliteGraphStoreTests : GraphStoreContract
{
    private readonly TempDatabase _database = TempDatabase.Create();

    protected override Task<IGraphStore> CreateStoreAsync() =>
        Task.FromResult<IGraphStore>(new SqliteGraphStore(new SqliteStoreOptions { Path = _database.Path }));

    protected override bool StreamsRoleLinks => true;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task a_bulk_load_cut_short_is_finished_when_the_file_is_next_opened()
    {
        using var file = TempDatabase.Create();
        // The process dies in the middle of the load.
        await LeaveMidLoadAsync(file.Path, FtmGraph.Create().Company("acme", "Acme Trading GmbH").Company("buyer", "Buyer OOO").Shipment("s1", from: "acme", to: "buyer"));

        await using var second = new SqliteGraphStore(new SqliteStoreOptions { Path = file.Path });
        await second.InitializeAsync(Ct);

        Assert.Equal("acme", Assert.Single((await second.SearchAsync(new PartySearch("acme trading"), Ct)).Hits).Party.Id);
        Assert.Single(await second.ExpandShipmentsAsync(new ShipmentExpansion(["acme"], ShipmentRole.Sender, ShipmentFilter.None), Ct));
        using var connection = new SqliteConnection($"Data Source={file.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('fragments_by_entity', 'parties_by_id', 'shipments_by_id', 'links_by_source', 'links_by_target', 'shipments_by_sender', 'shipments_by_receiver', 'shipments_by_declarant', 'parties_indexed', 'parties_unindexed')";
        Assert.Equal(10L, command.ExecuteScalar());
        SqliteConnection.ClearPool(connection);
    }

    [Fact]
    public async Task fragments_read_by_row_for_a_set_of_ids_leave_out_rows_of_other_ids_before_parsing_them()
    {
        // A bulk load finds stored fragments by row keys from a table of id hashes; a shared hash brings another id's row.
        await Import(FtmGraph.Create().Company("a", "Acme").Company("b", "Beta").Company("c", "Gamma"));
        using var connection = new SqliteConnection($"Data Source={_database.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Fragments.Columns}, pk FROM fragments ORDER BY entity_id, dataset";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<(string Id, string Dataset), long>();

        var read = Fragments.ReadStored(reader, rows, new HashSet<string>(["a", "c"], StringComparer.Ordinal)).ToList();

        Assert.Equal(["a", "c"], read.Select(f => f[0].Fragment.Id));
        Assert.Equal(["Gamma"], read[1][0].Fragment.Values("name"));
        Assert.Equal(["a", "c"], rows.Keys.Select(k => k.Id).Order(StringComparer.Ordinal));
        SqliteConnection.ClearPool(connection);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task values_longer_than_the_writers_row_buffer_are_stored_whole(bool bulk)
    {
        // The writer binds a row's texts from one 64 KiB buffer; these do not fit in it beside the row's other values.
        var name = string.Concat(Enumerable.Repeat("Ж", 40_000));
        var goods = new string('g', 70_000);
        var graph = FtmGraph.Create().Company("acme", name).Company("b", "B").Shipment("s1", from: "acme", to: "b").Set("s1", "goodsDescription", goods);

        if (bulk)
        {
            await using (await Store.BeginBulkLoadAsync(Ct))
                await Import(graph);
        }
        else
        {
            await Import(graph);
        }

        Assert.Equal(name, Assert.Single(await Store.GetEntitiesAsync(["acme"], Ct)).First("name"));
        Assert.Equal(name, Assert.Single(await Store.GetPartiesAsync(["acme"], Ct)).Name);
        Assert.Equal(goods, Assert.Single(await Store.ExpandShipmentsAsync(new ShipmentExpansion(["acme"], ShipmentRole.Sender, ShipmentFilter.None), Ct)).GoodsDescription);
        Assert.Equal(goods, Assert.Single(await Store.GetEntitiesAsync(["s1"], Ct)).First("goodsDescription"));
    }

    [Fact]
    public async Task a_second_import_begun_during_a_bulk_load_joins_it()
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _database.Path });
        await store.InitializeAsync(Ct);
        var first = await store.BeginBulkLoadAsync(Ct);
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Trading GmbH").Entities, Run("one"), Ct);
        // The first load's group is open: a second load of its own would wait for it, and it for the second.
        var second = await store.BeginBulkLoadAsync(Ct);
        await store.UpsertAsync(FtmGraph.Create().Company("buyer", "Buyer OOO").Entities, Run("two"), Ct);
        await second.DisposeAsync();
        await first.DisposeAsync();

        Assert.Equal(["acme", "buyer"], (await store.GetEntitiesAsync(["acme", "buyer"], Ct)).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Single((await store.SearchAsync(new PartySearch("buyer"), Ct)).Hits);
    }

    [Fact]
    public async Task a_file_left_mid_load_and_damaged_is_refused_with_what_to_do()
    {
        using var file = TempDatabase.Create();
        var graph = FtmGraph.Create();
        for (var i = 0; i < 3000; i++)
            graph.Company($"firm-{i}", $"Firm number {i} Trading Limited Liability Company");
        // The machine stops in the middle of the load, and a page in the middle of the file is lost.
        await LeaveMidLoadAsync(file.Path, graph);
        var bytes = await File.ReadAllBytesAsync(file.Path, Ct);
        const int pageSize = 8192;
        var middle = bytes.Length / pageSize * 2 / 3 * pageSize;
        Array.Fill(bytes, (byte)0xA5, middle, pageSize);
        await File.WriteAllBytesAsync(file.Path, bytes, Ct);

        await using var second = new SqliteGraphStore(new SqliteStoreOptions { Path = file.Path });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.InitializeAsync(Ct));

        Assert.Contains("left in the middle of an import into an empty database, and it is damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("Delete the file and run the import again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_row_doubled_by_another_writer_during_a_bulk_load_does_not_stop_the_indexes_being_built()
    {
        using var file = TempDatabase.Create();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = file.Path });
        await store.InitializeAsync(Ct);
        var bulkLoad = await store.BeginBulkLoadAsync(Ct);
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Trading GmbH").Entities, Run(), Ct);
        using (var other = new SqliteConnection($"Data Source={file.Path}"))
        {
            other.Open();
            using var insert = other.CreateCommand();
            insert.CommandText = "INSERT INTO parties (id, kind, countries, name_key, search_text) VALUES ('acme', 0, '[]', 'acme', 'acme')";
            insert.ExecuteNonQuery();
            SqliteConnection.ClearPool(other);
        }

        await bulkLoad.DisposeAsync();

        Assert.Equal("acme", Assert.Single((await store.SearchAsync(new PartySearch("acme"), Ct)).Hits).Party.Id);
    }

    [Fact]
    public async Task a_batch_that_fails_during_a_bulk_load_takes_back_its_runs_group_and_says_how_much_that_was()
    {
        using var file = TempDatabase.Create();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = file.Path });
        await store.InitializeAsync(Ct);
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse_one BEFORE INSERT ON fragments WHEN new.entity_id = 'refused' BEGIN SELECT RAISE(ABORT, 'refused here'); END";
            trigger.ExecuteNonQuery();
        }

        var bulkLoad = await store.BeginBulkLoadAsync(Ct);
        var other = Run("other");
        await store.UpsertAsync(FtmGraph.Create().Company("elsewhere", "Elsewhere Ltd").Entities, other, Ct);
        var run = Run();
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Trading GmbH").Company("buyer", "Buyer OOO").Entities, run, Ct);
        var error = await Assert.ThrowsAsync<SqliteException>(() => store.UpsertAsync(FtmGraph.Create().Company("refused", "Refused LLC").Entities, run, Ct));
        await bulkLoad.DisposeAsync();

        Assert.Contains("refused here", error.Message, StringComparison.Ordinal);
        Assert.Contains("the 2 entities of this import written before it since the load last committed", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetEntitiesAsync(["acme", "buyer", "refused"], Ct));
        // Another run's batches are never in the same group, so they stay.
        Assert.Single(await store.GetEntitiesAsync(["elsewhere"], Ct));
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Trading GmbH").Entities, Run(), Ct);
        Assert.Single(await store.GetEntitiesAsync(["acme"], Ct));
    }

    [Fact]
    public async Task a_load_with_more_ids_than_it_keeps_track_of_builds_the_fragment_index_midway_and_still_merges_each_repeat()
    {
        using var file = TempDatabase.Create();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = file.Path, BulkLoadMostIds = 4 });
        await store.InitializeAsync(Ct);
        var run = Run();
        var bulkLoad = await store.BeginBulkLoadAsync(Ct);
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme GmbH").Company("buyer", "Buyer OOO").Entities, run, Ct);
        // Found through the load's table of ids: the same run's values add up in the fragment's own row.
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Trading GmbH").Company("carrier", "Carrier AG").Entities, run, Ct);
        Assert.False(HasFragmentIndex(file.Path));
        // Past four ids: the fragments' index is built before this batch, and the load goes on through it.
        await store.UpsertAsync(FtmGraph.Create().Company("dealer", "Dealer LLC").Company("exporter", "Exporter Ltd").Entities, run, Ct);
        Assert.True(HasFragmentIndex(file.Path));
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Handels GmbH").Entities, run, Ct);
        await bulkLoad.DisposeAsync();

        var acme = Assert.Single(await store.GetEntitiesAsync(["acme"], Ct));
        Assert.Equal(["Acme GmbH", "Acme Trading GmbH", "Acme Handels GmbH"], acme.Values("name"));
        Assert.Equal(["acme"], (await store.SearchAsync(new PartySearch("handels"), Ct)).Hits.Select(h => h.Party.Id));
        Assert.Equal(5L, Sql(file.Path, "SELECT count(*) FROM fragments"));
        Assert.Equal(5L, Sql(file.Path, "SELECT count(*) FROM parties"));
    }

    private static bool HasFragmentIndex(string path) =>
        (long)Sql(path, "SELECT count(*) FROM sqlite_master WHERE name = 'fragments_by_entity'")! == 1;

    /// <summary>Runs one statement on a connection of its own, as another program would; its first value.</summary>
    private static object? Sql(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task fragments_written_before_their_index_had_a_name_are_kept_by_the_migration_and_still_one_per_dataset()
    {
        using var old = TempDatabase.Create();
        WriteFileAtVersion(old.Path, 3);
        Sql(old.Path, """
            INSERT INTO fragments (entity_id, dataset, run_id, schema, properties, first_seen, last_seen)
            VALUES ('acme', 'registry', 'registry-run-0', 'Company', '{"name":["Acme GmbH"]}', 0, 0)
            """);

        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = old.Path });
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Handels GmbH").Entities, Run("registry", day: 1), Ct);

        var acme = Assert.Single(await store.GetEntitiesAsync(["acme"], Ct));
        // A later run of the same dataset replaces its fragment, in place.
        Assert.Equal(["Acme Handels GmbH"], acme.Values("name"));
        Assert.Equal(1L, Sql(old.Path, "SELECT count(*) FROM fragments"));
        var doubled = Assert.Throws<SqliteException>(() => Sql(old.Path, "INSERT INTO fragments (entity_id, dataset, run_id, schema, properties) VALUES ('acme', 'registry', 'x', 'Company', '{}')"));
        Assert.Equal(19, doubled.SqliteErrorCode);
    }

    [Fact]
    public async Task a_bulk_load_alone_on_the_file_writes_it_in_place_and_leaves_it_in_wal_mode()
    {
        using var file = TempDatabase.Create();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = file.Path });
        await store.InitializeAsync(Ct);
        var bulkLoad = await store.BeginBulkLoadAsync(Ct);
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Trading GmbH").Entities, Run(), Ct);
        var during = JournalMode(file.Path);
        // A read meanwhile leaves a connection of the store's pool open on the file.
        await store.GetEntitiesAsync(["acme"], Ct);
        await bulkLoad.DisposeAsync();

        Assert.NotEqual("wal", during);
        Assert.Equal("wal", JournalMode(file.Path));
        Assert.Single((await store.SearchAsync(new PartySearch("acme"), Ct)).Hits);
    }

    [Fact]
    public async Task a_bulk_load_begun_while_another_connection_has_the_file_open_stays_in_wal_mode()
    {
        using var file = TempDatabase.Create();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = file.Path });
        await store.InitializeAsync(Ct);
        using var reader = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        reader.Open();
        using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM fragments";
            read.ExecuteScalar();
        }

        var bulkLoad = await store.BeginBulkLoadAsync(Ct);
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme Trading GmbH").Entities, Run(), Ct);
        var during = JournalMode(file.Path);
        await bulkLoad.DisposeAsync();

        Assert.Equal("wal", during);
        Assert.Equal("wal", JournalMode(file.Path));
        Assert.Single((await store.SearchAsync(new PartySearch("acme"), Ct)).Hits);
    }

    private static string? JournalMode(string path) => Sql(path, "PRAGMA journal_mode") as string;

    [Fact]
    public async Task a_file_at_an_older_schema_version_is_reported_and_migrated()
    {
        using var old = TempDatabase.Create();
        WriteFileAtVersion(old.Path, SqliteGraphStore.SchemaVersion - 1);
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = old.Path });

        var before = await store.GetStatusAsync(Ct);
        await store.InitializeAsync(Ct);
        var after = await store.GetStatusAsync(Ct);

        Assert.False(before.SchemaCurrent);
        Assert.Contains("migrates", before.Detail, StringComparison.Ordinal);
        Assert.True(after.Ready, after.Detail);
        await store.UpsertAsync(FtmGraph.Create().Company("acme", "Acme GmbH").Entities, Run(), Ct);
        Assert.Single((await store.SearchAsync(new PartySearch("acme"), Ct)).Hits);
    }

    [Fact]
    public async Task shipments_written_before_trade_flows_existed_are_aggregated_after_the_migration()
    {
        using var old = TempDatabase.Create();
        WriteFileAtVersion(old.Path, 2);
        Sql(old.Path, """
            INSERT INTO shipments (id, date, date_lo, date_hi, hs, tier, value_usd, origin_country, departure_country, destination_country, datasets)
            VALUES ('s1', '2022-07', 738336, 738366, '854231', 0, 100.0, 'cn', NULL, 'ru', '["old"]'),
                   ('s2', '2022', 738156, 738520, '854231', 0, 50.0, 'cn', 'kg', 'ru', '["old"]')
            """);

        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = old.Path });
        await store.InitializeAsync(Ct);
        var buckets = await store.AggregateShipmentsAsync(new TradeFlowQuery(ShipmentFilter.None, [TradeFlowDimension.SenderCountry], ByMonth: true), Ct);

        Assert.Equal(
            ["TradeFlowBucket { Year = 2022, Month = , SenderCountry = kg, ReceiverCountry = , Hs6 = , Hs4 = , ChplTier = , Shipments = 1, ValueUsd = 50, ValuedShipments = 1 }",
             "TradeFlowBucket { Year = 2022, Month = 7, SenderCountry = cn, ReceiverCountry = , Hs6 = , Hs4 = , ChplTier = , Shipments = 1, ValueUsd = 100, ValuedShipments = 1 }"],
            buckets.Select(b => b.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task a_file_from_a_newer_build_is_refused_with_a_clear_message()
    {
        using var newer = TempDatabase.Create();
        WriteFileAtVersion(newer.Path, SqliteGraphStore.SchemaVersion);
        using (var connection = new SqliteConnection($"Data Source={newer.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 999";
            command.ExecuteNonQuery();
        }

        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = newer.Path });

        var status = await store.GetStatusAsync(Ct);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));

        Assert.False(status.SchemaCurrent);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_file_is_in_wal_mode_after_initialize()
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    /// <summary>A file whose bulk load wrote the graph and was never finished, as a process that dies leaves it.</summary>
    private static async Task LeaveMidLoadAsync(string path, FtmGraph graph)
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        await store.BeginBulkLoadAsync(Ct);
        await store.UpsertAsync(graph.Entities, Run(), Ct);
        await store.DisposeAsync();
    }

    private static void WriteFileAtVersion(string path, int version)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Migrations.MigrateTo(connection, version, path);
    }
}
