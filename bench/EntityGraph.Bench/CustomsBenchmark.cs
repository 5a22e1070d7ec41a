using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntityGraph.Bench;

/// <summary>
/// The customs-table benchmark: generate a synthetic customs CSV and its mapping, then import it with
/// <c>import --mapping</c> into a fresh database in a separate process, and report rows per second, entities
/// stored and peak memory, measured at several sizes so that constant memory shows.
/// </summary>
internal static class CustomsBenchmark
{
    public static Command CreateCommand()
    {
        var exe = new Option<string?>("--exe") { Description = "The entitygraph executable or dll (default: the Release build in src/EntityGraph.Server)." };
        var rows = new Option<long[]>("--rows") { Description = "Table sizes to measure, in rows.", DefaultValueFactory = _ => [1_000_000, 5_000_000], AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 42 };
        var work = new Option<string>("--work") { Description = "Folder for the generated tables and databases.", DefaultValueFactory = _ => Path.Combine("bench", "results", "tmp") };
        var output = new Option<string>("--out") { Description = "Folder the results are written to.", DefaultValueFactory = _ => Path.Combine("bench", "results") };
        var label = new Option<string?>("--label") { Description = "A word added to the result file names (e.g. before, after)." };
        var command = new Command("customs", "Import of a synthetic customs CSV through its FtM mapping: rows/s and peak memory.") { exe, rows, seed, work, output, label };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(exe) ?? FoundationBenchmark.DefaultExecutable(), parse.GetValue(rows)!, parse.GetValue(seed), parse.GetValue(work)!, parse.GetValue(output)!, parse.GetValue(label), ct));
        return command;
    }

    private static async Task<int> RunAsync(string exe, long[] sizes, int seed, string work, string output, string? label, CancellationToken ct)
    {
        if (!File.Exists(exe))
        {
            Console.Error.WriteLine($"entitygraph executable not found at '{exe}'. Build it first: dotnet build -c Release src/EntityGraph.Server");
            return 1;
        }

        Directory.CreateDirectory(work);
        Directory.CreateDirectory(output);
        var runs = new JsonArray();
        var results = new JsonObject
        {
            ["benchmark"] = "customs",
            ["startedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            ["executable"] = Path.GetFullPath(exe),
            ["runs"] = runs,
        };
        foreach (var size in sizes)
            runs.Add(await MeasureAsync(exe, size, seed, work, ct));

        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = Path.Combine(output, label is null ? $"customs-{stamp}" : $"customs-{label}-{stamp}");
        await File.WriteAllTextAsync(name + ".json", results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);
        await File.WriteAllTextAsync(name + ".md", Markdown(results), ct);
        Console.WriteLine($"Results: {name}.json, {name}.md");
        return 0;
    }

    private static async Task<JsonObject> MeasureAsync(string exe, long rows, int seed, string work, CancellationToken ct)
    {
        var table = Path.Combine(work, $"customs-{rows}-{seed}.csv");
        var mapping = Path.ChangeExtension(table, ".yml");
        if (!File.Exists(table) || !File.Exists(mapping))
        {
            Console.WriteLine($"Generating {rows:N0} rows to {table} ...");
            var generated = await ChildProcess.RunAsync(exe, ["generate", "--customs", rows.ToString(CultureInfo.InvariantCulture), "--out", table, "--seed", seed.ToString(CultureInfo.InvariantCulture)], ct);
            if (generated.ExitCode != 0)
                throw new InvalidOperationException($"generate --customs failed with exit code {generated.ExitCode}.");
        }

        var db = Path.Combine(work, $"customs-{rows}.db");
        foreach (var stale in new[] { db, db + "-wal", db + "-shm" })
            File.Delete(stale);
        Console.WriteLine($"Importing {table} through {mapping} ...");
        var imported = await ChildProcess.RunAsync(exe, ["import", "--mapping", mapping, "--db", db, "--json", "--rejects", Path.Combine(work, "customs.rejects.jsonl")], ct);
        if (imported.ExitCode is not 0 and not 2)
            throw new InvalidOperationException($"The import failed with exit code {imported.ExitCode}.");
        var summary = JsonNode.Parse(imported.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{')))!;
        var run = new JsonObject
        {
            ["rows"] = rows,
            ["tableMiB"] = new FileInfo(table).Length / (1 << 20),
            ["seconds"] = Math.Round(imported.Elapsed.TotalSeconds, 2),
            ["rowsPerSecond"] = Math.Round(rows / imported.Elapsed.TotalSeconds),
            // User and system time on all cores: this machine's wall clock varies by a tenth from run to run, this less.
            ["cpuSeconds"] = Math.Round(imported.Processor.TotalSeconds, 2),
            // Fragments written to the store: a party repeated exactly by later rows is written once.
            ["fragmentsWritten"] = summary["accepted"]!.GetValue<long>(),
            ["peakMemoryMiB"] = imported.PeakBytes / (1 << 20),
            ["databaseMiB"] = new FileInfo(db).Length / (1 << 20),
            ["summary"] = summary,
        };
        Console.WriteLine($"  {run["rowsPerSecond"]} rows/s over {run["seconds"]} s (wall clock incl. process start), {run["cpuSeconds"]} s of CPU, peak {run["peakMemoryMiB"]} MiB");
        File.Delete(db);
        return run;
    }

    private static string Markdown(JsonObject results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Customs-table benchmark, {results["startedAt"]}, {results["machine"]}");
        text.AppendLine();
        text.AppendLine("| rows | table | import | rows/s | CPU | fragments written | peak memory | database |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var run in results["runs"]!.AsArray())
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run!["rows"]!.GetValue<long>():N0} | {run["tableMiB"]} MiB | {run["seconds"]} s | {run["rowsPerSecond"]} | {run["cpuSeconds"]} s | {run["fragmentsWritten"]} | {run["peakMemoryMiB"]} MiB | {run["databaseMiB"]} MiB |");
        }

        return text.ToString();
    }
}
