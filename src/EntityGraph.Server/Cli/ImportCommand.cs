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
        var file = new Argument<string>("FILE") { Description = "FtM JSON lines to import, plain or gzip; - for standard input." };
        var database = new Option<string>("--db") { Description = "The SQLite database file.", DefaultValueFactory = _ => CliIo.DefaultDatabase };
        var store = CliIo.StoreOption();
        var dataset = new Option<string?>("--dataset") { Description = "The dataset name (default: the file name without extensions; 'stdin' for -)." };
        var rejects = new Option<string?>("--rejects") { Description = "Where to write rejected lines (default: FILE.rejects.jsonl; ./stdin.rejects.jsonl for -)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Entities per database transaction.", DefaultValueFactory = _ => FtmImportOptions.DefaultBatchSize };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on stdout." };

        var command = new Command("import", "Import FollowTheMoney JSON lines into the database as one dataset.");
        command.Arguments.Add(file);
        command.Options.Add(database);
        command.Options.Add(store);
        command.Options.Add(dataset);
        command.Options.Add(rejects);
        command.Options.Add(batchSize);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => CliIo.RunAsync("import", () => RunAsync(
            parse.GetValue(file)!,
            parse.GetValue(store),
            parse.GetValue(database)!,
            new FtmImportOptions { Dataset = parse.GetValue(dataset), RejectsPath = parse.GetValue(rejects), BatchSize = parse.GetValue(batchSize) },
            parse.GetValue(json),
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string path, string? storeOption, string databasePath, FtmImportOptions options, bool json, CancellationToken cancellationToken)
    {
        if (options.BatchSize < 1)
            throw new CliFailure($"--batch-size must be at least 1, not {options.BatchSize}");
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
            var display = new ImportProgressDisplay();
            var interactive = !json && !Console.IsOutputRedirected;
            var summary = await display.RunAsync(
                interactive,
                json ? Console.Error : Console.Out,
                () => new FtmImporter(store).ImportAsync(reader, path, options, display, cancellationToken));
            if (json)
                await Console.Out.WriteLineAsync(Json(summary));
            else
                await Console.Out.WriteAsync(Text(summary, CliIo.Describe(storeOption, databasePath)));
            return summary.Complete ? 0 : SomeRejected;
        }
    }

    private static string Text(ImportSummary summary, string databasePath)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(inv, $"Imported {summary.Source} into dataset '{summary.Dataset}' of {databasePath}"),
            string.Create(inv, $"  lines      {summary.Lines,12:N0}"),
            string.Create(inv, $"  accepted   {summary.Accepted,12:N0}"),
            string.Create(inv, $"  rejected   {summary.Rejected,12:N0}{(summary.RejectsPath is { } rejects ? "  -> " + rejects : "")}"),
            string.Create(inv, $"  time       {summary.Elapsed.TotalSeconds,12:N1} s  ({summary.EntitiesPerSecond:N0} entities/s)"),
        };
        if (summary.BySchema.Count > 0)
            lines.Add("  by schema  " + string.Join(", ", summary.BySchema.Select(p => string.Create(inv, $"{p.Key} {p.Value:N0}"))));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Json(ImportSummary summary)
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
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
