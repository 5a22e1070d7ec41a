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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

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

    private static void WriteFileAtVersion(string path, int version)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Migrations.MigrateTo(connection, version, path);
    }
}
