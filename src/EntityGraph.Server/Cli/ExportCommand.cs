using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EntityGraph.Core.Model;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Server.Cli.Internal;
using EntityGraph.Storage.Neo4j.Export;

namespace EntityGraph.Server.Cli;

/// <summary>
/// The <c>export</c> command: writes every entity of the database as FtM JSON lines, ordered by id,
/// to a file (gzip when it ends in <c>.gz</c>) or stdout; or, with <c>--format neo4j-csv</c>, as
/// <c>neo4j-admin database import</c> files in a directory. Progress goes to stderr so stdout can carry the data.
/// </summary>
internal static class ExportCommand
{
    private const string Neo4jCsvFormat = "neo4j-csv";

    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "The output format.", DefaultValueFactory = _ => "ftm" };
        format.AcceptOnlyFromAmong("ftm", Neo4jCsvFormat);
        var database = new Option<string>("--db") { Description = "The SQLite database file.", DefaultValueFactory = _ => CliIo.DefaultDatabase };
        var store = CliIo.StoreOption();
        var output = new Option<string>("--out") { Description = "Where to write; - for standard output. For neo4j-csv, a directory.", DefaultValueFactory = _ => "-" };
        var force = new Option<bool>("--force") { Description = "neo4j-csv: write into a directory that is not empty, replacing the files of an earlier export." };
        var arrayDelimiter = new Option<string>("--array-delimiter") { Description = "neo4j-csv: the character between list elements, or U+XXXX.", DefaultValueFactory = _ => ";" };

        var command = new Command("export", "Export every entity as FollowTheMoney JSON lines, or as neo4j-admin import files.");
        command.Options.Add(format);
        command.Options.Add(database);
        command.Options.Add(store);
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(arrayDelimiter);
        command.SetAction((parse, cancellationToken) => CliIo.RunAsync("export", () => parse.GetValue(format) == Neo4jCsvFormat
            ? RunNeo4jCsvAsync(parse.GetValue(store), parse.GetValue(database)!, parse.GetValue(output)!, parse.GetValue(force), parse.GetValue(arrayDelimiter)!, cancellationToken)
            : RunAsync(parse.GetValue(store), parse.GetValue(database)!, parse.GetValue(output)!, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string? storeOption, string databasePath, string outputPath, CancellationToken cancellationToken)
    {
        await using var store = await CliIo.OpenStoreAsync(storeOption, databasePath, create: false, cancellationToken);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        await using var output = CliIo.OpenOutput(outputPath);
        await using (var writer = new FtmLineWriter(output, leaveOpen: true))
        {
            await foreach (var entity in store.ExportAsync(cancellationToken))
            {
                await writer.WriteAsync(entity, cancellationToken);
                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(2))
                {
                    lastReport = clock.Elapsed;
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"exported {writer.Count:N0} entities"));
                }
            }

            await writer.FlushAsync(cancellationToken);
            await Console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Exported {writer.Count:N0} entities from {CliIo.Describe(storeOption, databasePath)} to {(outputPath == "-" ? "stdout" : outputPath)} in {clock.Elapsed.TotalSeconds:N1} s"));
        }

        return 0;
    }

    private static async Task<int> RunNeo4jCsvAsync(string? storeOption, string databasePath, string directory, bool force, string arrayDelimiterText, CancellationToken cancellationToken)
    {
        if (directory == "-")
            throw new CliFailure("--format neo4j-csv writes a directory of files; name it with --out DIR");
        var arrayDelimiter = ParseArrayDelimiter(arrayDelimiterText);
        PrepareDirectory(directory, force);
        await using var store = await CliIo.OpenStoreAsync(storeOption, databasePath, create: false, cancellationToken);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        await using var lines = new FtmLineText();
        await using var export = new Neo4jCsvExport(directory, arrayDelimiter, lines.OfAsync);
        await foreach (var fragments in store.ExportFragmentsAsync(cancellationToken))
        {
            try
            {
                await export.WriteAsync(fragments, cancellationToken);
            }
            catch (Neo4jCsvExportException e)
            {
                throw new CliFailure($"{e.Message} Export again with --force and --array-delimiter set to a character the data does not contain, e.g. --array-delimiter U+001F.", e);
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(2))
            {
                lastReport = clock.Elapsed;
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"exported {export.Entities:N0} entities ({export.Nodes:N0} nodes, {export.Relationships:N0} relationships)"));
            }
        }

        await export.FinishAsync(cancellationToken);
        var inv = CultureInfo.InvariantCulture;
        await Console.Error.WriteLineAsync(string.Create(
            inv,
            $"Exported {export.Entities:N0} entities from {CliIo.Describe(storeOption, databasePath)} as {export.Nodes:N0} nodes and {export.Relationships:N0} relationships in {export.Files.Count} CSV files to {directory} in {clock.Elapsed.TotalSeconds:N1} s"));
        foreach (var (name, rows) in export.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            await Console.Error.WriteLineAsync(string.Create(inv, $"  {name,-36} {rows,12:N0}"));
        await Console.Error.WriteLineAsync($"Import them with {Path.Combine(directory, Neo4jCsvExport.ScriptFile)} (the command is in {Neo4jCsvExport.GuideFile}).");
        return 0;
    }

    /// <summary>One character, or <c>U+XXXX</c>; not one the CSV itself uses.</summary>
    private static char ParseArrayDelimiter(string text)
    {
        char delimiter;
        if (text.Length == 1)
            delimiter = text[0];
        else if (text.StartsWith("U+", StringComparison.OrdinalIgnoreCase) && ushort.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            delimiter = (char)code;
        else
            throw new CliFailure($"--array-delimiter must be one character or U+XXXX, not '{text}'");
        if (delimiter is ',' or '"' or '\r' or '\n' || char.IsSurrogate(delimiter))
            throw new CliFailure($"--array-delimiter cannot be '{Neo4jCsvExport.ArrayDelimiterOption(delimiter)}': the CSV files use it themselves");
        return delimiter;
    }

    /// <summary>Creates the directory; one that holds files already is refused unless forced, and then the files of an earlier export are removed.</summary>
    private static void PrepareDirectory(string directory, bool force)
    {
        try
        {
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                if (!force)
                    throw new CliFailure($"output directory '{directory}' is not empty; choose a new directory, or pass --force to replace the files of an earlier export there");
                foreach (var file in Directory.EnumerateFiles(directory, "*.csv").Where(IsExportFile))
                    File.Delete(file);
            }

            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot write to '{directory}': {CliIo.FirstLine(ex.Message)}", ex);
        }

        static bool IsExportFile(string path) =>
            Path.GetFileName(path) is var name && (name.StartsWith("nodes-", StringComparison.Ordinal) || name.StartsWith("relationships-", StringComparison.Ordinal));
    }

    /// <summary>An entity as the line <c>export --format ftm</c> writes, without its newline: the neo4j-csv <c>entity</c> property.</summary>
    private sealed class FtmLineText : IAsyncDisposable
    {
        private readonly MemoryStream _json = new();
        private readonly FtmLineWriter _writer;

        public FtmLineText() => _writer = new FtmLineWriter(_json, leaveOpen: true);

        public async Task<string> OfAsync(FtmEntity entity, CancellationToken cancellationToken)
        {
            _json.SetLength(0);
            await _writer.WriteAsync(entity, cancellationToken);
            await _writer.FlushAsync(cancellationToken);
            return Encoding.UTF8.GetString(_json.GetBuffer(), 0, (int)_json.Length - 1);
        }

        public async ValueTask DisposeAsync()
        {
            await _writer.DisposeAsync();
            await _json.DisposeAsync();
        }
    }
}
