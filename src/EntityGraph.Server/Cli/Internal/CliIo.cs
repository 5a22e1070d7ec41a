using System.IO.Compression;
using EntityGraph.Storage.Sqlite;

namespace EntityGraph.Server.Cli.Internal;

/// <summary>What the import, export and generate commands share: opening the store and the output, and failing cleanly.</summary>
internal static class CliIo
{
    public const string DefaultDatabase = "data/entitygraph.db";

    /// <summary>Opens (and for <paramref name="create"/>, creates) the database, or fails naming the file.</summary>
    public static async Task<SqliteGraphStore> OpenStoreAsync(string path, bool create, CancellationToken cancellationToken)
    {
        if (!create && !File.Exists(path))
            throw new CliFailure($"database '{path}' does not exist");
        SqliteGraphStore? store = null;
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
                Directory.CreateDirectory(directory);
            store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (store is not null)
                await store.DisposeAsync();
            throw new CliFailure($"cannot open database '{path}': {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>A file (gzip-compressed when its name ends in <c>.gz</c>) or stdout for <c>-</c>.</summary>
    public static Stream OpenOutput(string path)
    {
        if (path == "-")
            return Console.OpenStandardOutput();
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
                Directory.CreateDirectory(directory);
            Stream file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : file;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot write '{path}': {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>Runs a command body, turning failures into one line on stderr and exit code 1.</summary>
    public static async Task<int> RunAsync(string command, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"entitygraph {command}: cancelled");
            return 1;
        }
        catch (CliFailure failure)
        {
            await Console.Error.WriteLineAsync($"entitygraph {command}: {failure.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"entitygraph {command}: {FirstLine(ex.Message)}");
            return 1;
        }
    }

    public static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
