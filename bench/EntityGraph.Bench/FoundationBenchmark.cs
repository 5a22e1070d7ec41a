using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntityGraph.Bench;

/// <summary>
/// The foundation benchmark: generate a synthetic file, import it into a fresh database (entities/s,
/// peak memory), serve it, and measure <c>search</c> and <c>party(id)</c> over loopback HTTP.
/// </summary>
internal static class FoundationBenchmark
{
    private const string SearchQuery = "query($text: String!) { search(text: $text, first: 20) { totalCount edges { score node { id name kind countries } } } }";
    private const string PartyQuery = "query($id: ID!) { party(id: $id) { id kind name aliases countries topics } }";

    public static Command CreateCommand()
    {
        var exe = new Option<string?>("--exe") { Description = "The entitygraph executable or dll (default: the Release build in src/EntityGraph.Server)." };
        var parties = new Option<int>("--parties") { Description = "Parties (companies and persons) to generate; addresses, ownerships, directorships and sanctions come besides, 2/3 as many again.", DefaultValueFactory = _ => 360_000 };
        var shipments = new Option<int>("--shipments") { Description = "Shipments to generate.", DefaultValueFactory = _ => 400_000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 42 };
        var input = new Option<string?>("--input") { Description = "Use this FtM file instead of generating one." };
        var existing = new Option<string?>("--db") { Description = "Serve this already imported database (made from --input) instead of importing." };
        var work = new Option<string>("--work") { Description = "Folder for the generated file and database.", DefaultValueFactory = _ => Path.Combine("bench", "results", "tmp") };
        var output = new Option<string>("--out") { Description = "Folder the results are written to.", DefaultValueFactory = _ => Path.Combine("bench", "results") };
        var requests = new Option<int>("--latency-requests") { Description = "Sequential requests per latency measurement.", DefaultValueFactory = _ => 2_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent clients in the throughput measurement.", DefaultValueFactory = _ => 32 };
        var duration = new Option<int>("--duration") { Description = "Seconds of the throughput measurement.", DefaultValueFactory = _ => 15 };

        var command = new Command("foundation", "Import throughput and memory; search and party(id) latency and throughput over HTTP.")
        {
            exe, parties, shipments, seed, input, existing, work, output, requests, concurrency, duration,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(exe) ?? DefaultExecutable(),
            parse.GetValue(parties),
            parse.GetValue(shipments),
            parse.GetValue(seed),
            parse.GetValue(input),
            parse.GetValue(existing),
            parse.GetValue(work)!,
            parse.GetValue(output)!,
            parse.GetValue(requests),
            parse.GetValue(concurrency),
            TimeSpan.FromSeconds(parse.GetValue(duration)),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(string exe, int parties, int shipments, int seed, string? input, string? existing, string work, string output, int requests, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        if (!File.Exists(exe))
        {
            Console.Error.WriteLine($"entitygraph executable not found at '{exe}'. Build it first: dotnet build -c Release src/EntityGraph.Server");
            return 1;
        }

        Directory.CreateDirectory(work);
        Directory.CreateDirectory(output);
        var results = new JsonObject
        {
            ["benchmark"] = "foundation",
            ["startedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            ["runtime"] = Environment.Version.ToString(),
        };

        var file = input;
        if (file is null)
        {
            file = Path.Combine(work, $"synthetic-{parties}-{shipments}-{seed}.ftm.jsonl");
            Console.WriteLine($"Generating {file} ...");
            var generated = await ChildProcess.RunAsync(exe, ["generate", "--out", file, "--parties", Str(parties), "--shipments", Str(shipments), "--seed", Str(seed)], ct);
            if (generated.ExitCode != 0)
                return Fail("generate", generated.ExitCode);
            results["generate"] = new JsonObject { ["seconds"] = Math.Round(generated.Elapsed.TotalSeconds, 1), ["parties"] = parties, ["shipments"] = shipments, ["seed"] = seed };
        }

        var lines = File.ReadLines(file).LongCount();
        results["input"] = new JsonObject { ["file"] = Path.GetFileName(file), ["lines"] = lines, ["bytes"] = new FileInfo(file).Length };

        var db = existing ?? Path.Combine(work, "bench.db");
        if (existing is null)
            await ImportAsync(exe, file, db, work, lines, results, ct);
        else
            results["import"] = new JsonObject { ["skipped"] = $"served the existing database {existing}" };

        var sample = PartySample.Read(file, 5_000, seed);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var server = ChildProcess.Start(exe, ["serve", "--db", db, "--urls", url, "--empty"], captureOutput: false);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilReadyAsync(client, ct);

        var load = new GraphQLLoad(client);
        var partyVariables = sample.Select(p => new JsonObject { ["id"] = p.Id }).ToList();
        var searchVariables = sample.Select(p => new JsonObject { ["text"] = p.Name }).ToList();
        await load.MeasureLatencyAsync(PartyQuery, partyVariables, 200, ct);
        await load.MeasureLatencyAsync(SearchQuery, searchVariables, 200, ct);

        Console.WriteLine("Measuring party(id) latency ...");
        var partyLatency = await load.MeasureLatencyAsync(PartyQuery, partyVariables, requests, ct);
        Console.WriteLine("Measuring search latency ...");
        var searchLatency = await load.MeasureLatencyAsync(SearchQuery, searchVariables, requests, ct);
        Console.WriteLine($"Measuring party(id) throughput with {concurrency} clients for {duration.TotalSeconds} s ...");
        var (rps, underLoad) = await load.MeasureThroughputAsync(PartyQuery, partyVariables, concurrency, duration, ct);

        results["partyLatencyMs"] = JsonSerializer.SerializeToNode(partyLatency);
        results["searchLatencyMs"] = JsonSerializer.SerializeToNode(searchLatency);
        results["partyThroughput"] = new JsonObject
        {
            ["requestsPerSecond"] = rps,
            ["concurrency"] = concurrency,
            ["seconds"] = duration.TotalSeconds,
            ["latencyUnderLoadMs"] = JsonSerializer.SerializeToNode(underLoad),
        };
        results["serverPeakMemoryMiB"] = server.SamplePeak() / (1 << 20);

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var jsonPath = Path.Combine(output, $"foundation-{stamp}.json");
        await File.WriteAllTextAsync(jsonPath, results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);
        var markdown = Markdown(results, partyLatency, searchLatency, rps);
        await File.WriteAllTextAsync(Path.Combine(output, $"foundation-{stamp}.md"), markdown, ct);
        Console.WriteLine(markdown);
        Console.WriteLine($"Results written to {jsonPath}");
        return 0;
    }

    internal static async Task ImportAsync(string exe, string file, string db, string work, long lines, JsonObject results, CancellationToken ct)
    {
        foreach (var stale in new[] { db, db + "-wal", db + "-shm" })
            File.Delete(stale);
        Console.WriteLine($"Importing {lines:N0} lines into {db} ...");
        var imported = await ChildProcess.RunAsync(exe, ["import", file, "--db", db, "--json", "--rejects", Path.Combine(work, "bench.rejects.jsonl")], ct);
        if (imported.ExitCode is not 0 and not 2)
            throw new InvalidOperationException($"The import step failed with exit code {imported.ExitCode}.");
        results["import"] = new JsonObject
        {
            ["seconds"] = Math.Round(imported.Elapsed.TotalSeconds, 2),
            ["entitiesPerSecond"] = Math.Round(lines / imported.Elapsed.TotalSeconds),
            ["peakMemoryMiB"] = imported.PeakBytes / (1 << 20),
            ["databaseMiB"] = new FileInfo(db).Length / (1 << 20),
            ["summary"] = JsonNode.Parse(LastJsonLine(imported.Output)),
        };
        Console.WriteLine($"  {results["import"]!["entitiesPerSecond"]} entities/s (wall clock incl. process start), peak {results["import"]!["peakMemoryMiB"]} MiB");

    }

    private static string Markdown(JsonObject results, LatencyStats party, LatencyStats search, double rps)
    {
        var import = results["import"]!;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Foundation benchmark, {results["startedAt"]}, {results["machine"]}");
        text.AppendLine();
        text.AppendLine("| measure | result |");
        text.AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| input | {results["input"]!["lines"]} entities |");
        var importLine = import["skipped"] is { } skipped
            ? $"| import | {skipped} |"
            : $"| import | {import["entitiesPerSecond"]} entities/s ({import["seconds"]} s wall clock), peak memory {import["peakMemoryMiB"]} MiB, database {import["databaseMiB"]} MiB |";
        text.AppendLine(importLine);
        text.AppendLine(CultureInfo.InvariantCulture, $"| `search` over HTTP, sequential | p50 {search.P50} ms, p95 {search.P95} ms, p99 {search.P99} ms ({search.Requests} requests, {search.Errors} errors) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `party(id)` over HTTP, sequential | p50 {party.P50} ms, p95 {party.P95} ms, p99 {party.P99} ms ({party.Requests} requests, {party.Errors} errors) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `party(id)` throughput | {rps} requests/s ({results["partyThroughput"]!["concurrency"]} clients, {results["partyThroughput"]!["latencyUnderLoadMs"]!["Errors"]} errors) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| server peak memory | {results["serverPeakMemoryMiB"]} MiB |");
        return text.ToString();
    }

    internal static async Task WaitUntilReadyAsync(HttpClient client, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(15))
        {
            try
            {
                using var response = await client.GetAsync("/health/ready", ct);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException("The server did not become ready within 15 minutes.");
    }

    private static string LastJsonLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{')) ?? "{}";

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string DefaultExecutable()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EntityGraph.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "src", "EntityGraph.Server", "bin", "Release", "net10.0", "entitygraph.dll");
    }

    internal static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Fail(string step, int exitCode)
    {
        Console.Error.WriteLine($"The {step} step failed with exit code {exitCode}.");
        return 1;
    }
}
