using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Import;
using EntityGraph.Server.Cli.Internal;

namespace EntityGraph.Server.Cli;

/// <summary>
/// The <c>import</c> command: loads an FtM JSON-lines file (plain or gzip, or stdin for <c>-</c>) into the
/// database as one dataset. Exit code 0 when every line was accepted, 2 when some were rejected (they
/// are in the rejects file), 1 on a fatal error.
/// </summary>
internal static class ImportCommand
{
    public const int SomeRejected = 2;

    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "FtM JSON lines to import, plain or gzip; - for standard input. Not with --mapping.", Arity = ArgumentArity.ZeroOrOne };
        var mapping = new Option<string?>("--mapping") { Description = "Import the tables (CSV, plain or gzip, or .xlsx) of an FtM mapping file instead of FtM JSON lines." };
        var sign = MappingFiles.SignOption();
        var database = new Option<string>("--db") { Description = "The SQLite database file.", DefaultValueFactory = _ => CliIo.DefaultDatabase };
        var store = CliIo.StoreOption();
        var dataset = new Option<string?>("--dataset") { Description = "The dataset name (default: the file name without extensions; 'stdin' for -; with --mapping, the mapping's dataset name, which also prefixes the ids)." };
        var rejects = new Option<string?>("--rejects") { Description = "Where to write rejected lines or rows (default: FILE.rejects.jsonl, MAPPING.rejects.jsonl; ./stdin.rejects.jsonl for -)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Entities per batch; each is one database transaction, except in a load into an empty database, which commits several at a time.", DefaultValueFactory = _ => FtmImportOptions.DefaultBatchSize };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on stdout." };

        var command = new Command("import", "Import FollowTheMoney JSON lines, or the tables of an FtM mapping file, into the database as one dataset.");
        command.Arguments.Add(file);
        command.Options.Add(mapping);
        command.Options.Add(sign);
        command.Options.Add(database);
        command.Options.Add(store);
        command.Options.Add(dataset);
        command.Options.Add(rejects);
        command.Options.Add(batchSize);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => CliIo.RunAsync("import", () => RunAsync(
            Input.From(parse.GetValue(file), parse.GetValue(mapping), parse.GetValue(sign)),
            parse.GetValue(store),
            parse.GetValue(database)!,
            new FtmImportOptions { Dataset = parse.GetValue(dataset), RejectsPath = parse.GetValue(rejects), BatchSize = parse.GetValue(batchSize) },
            parse.GetValue(json),
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(Input input, string? storeOption, string databasePath, FtmImportOptions options, bool json, CancellationToken cancellationToken)
    {
        if (options.BatchSize < 1)
            throw new CliFailure($"--batch-size must be at least 1, not {options.BatchSize}");
        if (input.Mapping is { } mappingPath)
            return await MappingImport.RunAsync(mappingPath, input.Sign, storeOption, databasePath, options, json, cancellationToken);
        var path = input.File!;
        FtmLineReader reader;
        try
        {
            reader = FtmLineReader.Open(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliFailure($"input file '{path}' does not exist", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot read input file '{path}': {CliIo.FirstLine(ex.Message)}", ex);
        }

        using (reader)
        {
            await using var store = await CliIo.OpenStoreAsync(storeOption, databasePath, create: true, cancellationToken);
            var summary = await RunWithProgressAsync(json, display => new FtmImporter(store).ImportAsync(reader, path, options, display, cancellationToken));
            await PrintAsync(summary, json, CliIo.Describe(storeOption, databasePath), []);
            return summary.Complete ? 0 : SomeRejected;
        }
    }

    /// <summary>Runs an import behind the progress display: a bar on a terminal, plain lines otherwise.</summary>
    internal static Task<ImportSummary> RunWithProgressAsync(bool json, Func<ImportProgressDisplay, Task<ImportSummary>> import)
    {
        var display = new ImportProgressDisplay();
        var interactive = !json && !Console.IsOutputRedirected;
        return display.RunAsync(interactive, json ? Console.Error : Console.Out, () => import(display));
    }

    /// <summary>Prints the summary, with <paramref name="notes"/> (e.g. what a mapping did not make) after the counts.</summary>
    internal static async Task PrintAsync(ImportSummary summary, bool json, string databasePath, IReadOnlyList<string> notes, string units = "lines")
    {
        if (json)
            await Console.Out.WriteLineAsync(Json(summary, notes));
        else
            await Console.Out.WriteAsync(Text(summary, databasePath, units) + string.Concat(notes.Select(n => "  " + n + Environment.NewLine)));
    }

    /// <summary>What to import: an FtM JSON-lines file, or a mapping file's tables.</summary>
    private sealed record Input(string? File, string? Mapping, bool Sign)
    {
        public static Input From(string? file, string? mapping, bool sign) => (file, mapping) switch
        {
            (null, null) => throw new CliFailure("give the FtM JSON-lines FILE to import, or --mapping MAPPING.yml"),
            ({ }, { }) => throw new CliFailure("give either FILE or --mapping, not both: a mapping names its own tables"),
            (_, null) when sign => throw new CliFailure("--sign goes with --mapping: FtM lines keep the ids they have"),
            _ => new Input(file, mapping, sign),
        };
    }

    private static string Text(ImportSummary summary, string databasePath, string units)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(inv, $"Imported {summary.Source} into dataset '{summary.Dataset}' of {databasePath}"),
            string.Create(inv, $"  {units,-10} {summary.Lines,12:N0}"),
            string.Create(inv, $"  accepted   {summary.Accepted,12:N0}"),
            string.Create(inv, $"  rejected   {summary.Rejected,12:N0}{(summary.RejectsPath is { } rejects ? "  -> " + rejects : "")}"),
            string.Create(inv, $"  time       {summary.Elapsed.TotalSeconds,12:N1} s  ({summary.EntitiesPerSecond:N0} entities/s)"),
        };
        if (summary.BySchema.Count > 0)
            lines.Add("  by schema  " + string.Join(", ", summary.BySchema.Select(p => string.Create(inv, $"{p.Key} {p.Value:N0}"))));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Json(ImportSummary summary, IReadOnlyList<string> notes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("source", summary.Source);
            json.WriteString("dataset", summary.Dataset);
            json.WriteNumber("lines", summary.Lines);
            json.WriteNumber("accepted", summary.Accepted);
            json.WriteNumber("rejected", summary.Rejected);
            json.WriteStartObject("bySchema");
            foreach (var (schema, count) in summary.BySchema)
                json.WriteNumber(schema, count);
            json.WriteEndObject();
            json.WriteNumber("elapsedSeconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
            json.WriteNumber("entitiesPerSecond", Math.Round(summary.EntitiesPerSecond));
            if (summary.RejectsPath is { } rejects)
                json.WriteString("rejectsPath", rejects);
            else
                json.WriteNull("rejectsPath");
            if (notes.Count > 0)
            {
                json.WriteStartArray("notes");
                foreach (var note in notes)
                    json.WriteStringValue(note);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
