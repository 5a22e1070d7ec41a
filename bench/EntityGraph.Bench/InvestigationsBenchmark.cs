using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntityGraph.Bench;

/// <summary>
/// The investigations benchmark: on a generated case (by default ≈ 1,000,000 parties and 5,000,000
/// shipments) imported into a fresh SQLite database and served, measure over loopback HTTP, one request at
/// a time, downstream and upstream <c>traceChains</c> (maxHops 4), <c>exposure</c>, <c>paths</c>,
/// <c>Party.redFlags</c> and a yearly <c>tradeFlows</c> breakdown by country pair, and the server's peak memory.
/// </summary>
internal static class InvestigationsBenchmark
{
    private const string AsOf = "2026-11-27";

    private static readonly (string Name, string Query, Func<InvestigationSample, List<JsonObject>> Variables)[] Measures =
    [
        ("traceChains downstream (maxHops 4)",
            "query($id: ID!) { traceChains(input: { startId: $id, direction: DOWNSTREAM, maxHops: 4, asOf: \"" + AsOf + "\", limit: 50 }) { totalRoutes truncated exploredShipments routes { partyIds totalValueUsd score restriction { kind } hops { shipments { id } } } } }",
            s => [.. s.Exporters.Select(id => new JsonObject { ["id"] = id })]),
        ("traceChains upstream (maxHops 4)",
            "query($id: ID!) { traceChains(input: { startId: $id, direction: UPSTREAM, maxHops: 4, asOf: \"" + AsOf + "\", limit: 50 }) { totalRoutes truncated exploredShipments routes { partyIds totalValueUsd score hops { shipments { id } } } } }",
            s => [.. s.EndUsers.Select(id => new JsonObject { ["id"] = id })]),
        ("exposure (OFAC)",
            "query($id: ID!) { exposure(partyId: $id, rule: OFAC, asOf: \"" + AsOf + "\") { blocked blockedOwnershipPercent explanation contributions { owner { id name } percentage ownerBlocked } } }",
            s => [.. s.Companies.Select(id => new JsonObject { ["id"] = id })]),
        ("paths (maxHops 6, limit 10)",
            "query($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, maxHops: 6, limit: 10) { nodes { id kind label } edges { id kind source target } } }",
            s => [.. s.Pairs.Select(p => new JsonObject { ["from"] = p.From, ["to"] = p.To })]),
        ("Party.redFlags",
            "query($id: ID!) { party(id: $id) { id ... on Company { redFlags(asOf: \"" + AsOf + "\") { code sentence } } } }",
            s => [.. s.Companies.Select(id => new JsonObject { ["id"] = id })]),
    ];

    private const string TradeFlowsQuery =
        "{ tradeFlows(groupBy: [SENDER_COUNTRY, RECEIVER_COUNTRY], period: YEAR) { rows { period senderCountry receiverCountry shipments valueUsd changePercent } } }";

    public static Command CreateCommand()
    {
        var exe = new Option<string?>("--exe") { Description = "The entitygraph executable or dll (default: the Release build in src/EntityGraph.Server)." };
        var parties = new Option<int>("--parties") { Description = "Parties (companies and persons) to generate.", DefaultValueFactory = _ => 1_020_000 };
        var shipments = new Option<int>("--shipments") { Description = "Shipments to generate.", DefaultValueFactory = _ => 5_000_000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 42 };
        var input = new Option<string?>("--input") { Description = "Use this FtM file instead of generating one." };
        var existing = new Option<string?>("--db") { Description = "Serve this already imported database (made from --input) instead of importing." };
        var work = new Option<string>("--work") { Description = "Folder for the generated file and database.", DefaultValueFactory = _ => Path.Combine("bench", "results", "tmp") };
        var output = new Option<string>("--out") { Description = "Folder the results are written to.", DefaultValueFactory = _ => Path.Combine("bench", "results") };
        var requests = new Option<int>("--requests") { Description = "Sequential requests per latency measurement.", DefaultValueFactory = _ => 500 };
        var label = new Option<string?>("--label") { Description = "A name for this run in the results (e.g. 1M)." };

        var command = new Command("investigations", "traceChains, exposure, paths, redFlags and tradeFlows over HTTP on a large generated case.")
        {
            exe, parties, shipments, seed, input, existing, work, output, requests, label,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(exe) ?? FoundationBenchmark.DefaultExecutable(),
            parse.GetValue(parties),
            parse.GetValue(shipments),
            parse.GetValue(seed),
            parse.GetValue(input),
            parse.GetValue(existing),
            parse.GetValue(work)!,
            parse.GetValue(output)!,
            parse.GetValue(requests),
            parse.GetValue(label),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(string exe, int parties, int shipments, int seed, string? input, string? existing, string work, string output, int requests, string? label, CancellationToken ct)
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
            ["benchmark"] = "investigations",
            ["label"] = label,
            ["startedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            ["runtime"] = Environment.Version.ToString(),
        };

        var file = input;
        if (file is null)
        {
            file = Path.Combine(work, $"synthetic-{parties}-{shipments}-{seed}.ftm.jsonl");
            if (File.Exists(file))
            {
                Console.WriteLine($"Reusing {file}");
            }
            else
            {
                Console.WriteLine($"Generating {file} ...");
                var generated = await ChildProcess.RunAsync(exe, ["generate", "--out", file, "--parties", FoundationBenchmark.Str(parties), "--shipments", FoundationBenchmark.Str(shipments), "--seed", FoundationBenchmark.Str(seed)], ct);
                if (generated.ExitCode != 0)
                {
                    Console.Error.WriteLine($"The generate step failed with exit code {generated.ExitCode}.");
                    return 1;
                }
            }
        }

        Console.WriteLine($"Sampling {file} ...");
        var sample = InvestigationSample.Read(file, 2_000, seed);
        results["input"] = new JsonObject
        {
            ["file"] = Path.GetFileName(file),
            ["bytes"] = new FileInfo(file).Length,
            ["parties"] = sample.PartyCount,
            ["shipments"] = sample.ShipmentCount,
        };
        Console.WriteLine($"  {sample.PartyCount:N0} parties, {sample.ShipmentCount:N0} shipments; sampled {sample.Exporters.Count} exporters, {sample.EndUsers.Count} end users, {sample.Companies.Count} companies, {sample.Pairs.Count} pairs");

        var db = existing ?? Path.Combine(work, $"investigations-{label ?? "run"}.db");
        if (existing is null)
        {
            var lines = File.ReadLines(file).LongCount();
            await FoundationBenchmark.ImportAsync(exe, file, db, work, lines, results, ct);
        }
        else
        {
            results["import"] = new JsonObject { ["skipped"] = $"served the existing database {existing}" };
        }

        var url = $"http://127.0.0.1:{FoundationBenchmark.FreePort()}";
        using var server = ChildProcess.Start(exe, ["serve", "--db", db, "--urls", url, "--empty"], captureOutput: false);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var serving = Stopwatch.StartNew();
        await FoundationBenchmark.WaitUntilReadyAsync(client, ct);
        results["serverReadySeconds"] = Math.Round(serving.Elapsed.TotalSeconds, 1);
        Console.WriteLine($"Server ready after {serving.Elapsed.TotalSeconds:F0} s; waiting for the trade index ...");
        while (serving.Elapsed < TimeSpan.FromMinutes(15))
        {
            var health = JsonNode.Parse(await client.GetStringAsync("/health/ready", ct));
            if (health?["tradeIndex"]?.GetValue<string>() is "ready" or "off" && health?["verdicts"]?.GetValue<string>() is "ready" or null)
                break;
            // The index is built at the first trace when it is stale; a health check alone does not start it.
            await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" }, ct);
            await Task.Delay(1000, ct);
        }

        results["tradeIndexReadySeconds"] = Math.Round(serving.Elapsed.TotalSeconds, 1);
        Console.WriteLine($"Trade index and verdicts ready after {serving.Elapsed.TotalSeconds:F0} s.");
        var load = new GraphQLLoad(client);

        var measured = new JsonObject();
        var table = new List<(string Name, LatencyStats Stats, string Extra)>();
        foreach (var (name, query, variables) in Measures)
        {
            var list = variables(sample);
            if (list.Count == 0)
            {
                Console.WriteLine($"Skipping {name}: the sample has nothing to ask.");
                continue;
            }

            Console.WriteLine($"Measuring {name} ({requests} requests) ...");
            await load.MeasureLatencyAsync(query, list, Math.Min(50, requests), ct);
            var (stats, shapes) = await MeasureWithShapesAsync(client, query, list, requests, ct);
            measured[name] = new JsonObject { ["latencyMs"] = JsonSerializer.SerializeToNode(stats), ["answers"] = shapes };
            table.Add((name, stats, shapes.ToJsonString()));
            Console.WriteLine($"  p50 {stats.P50} ms, p95 {stats.P95} ms, p99 {stats.P99} ms, max {stats.Max} ms, {stats.Errors} errors; {shapes.ToJsonString()}");
        }

        Console.WriteLine("Measuring tradeFlows (yearly, by country pair) ...");
        var flows = new List<double>();
        var rows = 0;
        string? flowError = null;
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/graphql", new { query = TradeFlowsQuery }, ct);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
            flows.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (body?["errors"] is { } errors)
                flowError = errors.ToJsonString();
            else
                rows = body?["data"]?["tradeFlows"]?["rows"]?.AsArray().Count ?? 0;
        }

        measured["tradeFlows yearly by country pair"] = new JsonObject
        {
            ["firstMs"] = Math.Round(flows[0], 1),
            ["runsMs"] = new JsonArray([.. flows.Select(f => JsonValue.Create(Math.Round(f, 1)))]),
            ["rows"] = rows,
            ["error"] = flowError,
        };
        Console.WriteLine($"  first {flows[0]:F0} ms, then {string.Join(", ", flows.Skip(1).Select(f => f.ToString("F0", CultureInfo.InvariantCulture)))} ms; {rows} rows{(flowError is null ? "" : "; error " + flowError)}");

        results["measures"] = measured;
        results["serverPeakMemoryMiB"] = server.SamplePeak() / (1 << 20);
        Console.WriteLine($"Server peak memory: {results["serverPeakMemoryMiB"]} MiB");

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name2 = $"investigations-{(label is null ? "" : label + "-")}{stamp}";
        await File.WriteAllTextAsync(Path.Combine(output, name2 + ".json"), results.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), ct);
        var markdown = Markdown(results, table, flows, rows);
        await File.WriteAllTextAsync(Path.Combine(output, name2 + ".md"), markdown, ct);
        Console.WriteLine(markdown);
        Console.WriteLine($"Results written to {Path.Combine(output, name2)}.{{json,md}}");
        return 0;
    }

    /// <summary>Latencies, and what the answers looked like (how many were empty, truncated, how many items), so fast empty answers cannot pass for fast work.</summary>
    private static async Task<(LatencyStats Stats, JsonObject Shapes)> MeasureWithShapesAsync(HttpClient client, string query, List<JsonObject> variables, int requests, CancellationToken ct)
    {
        var timings = new List<double>(requests);
        var errors = 0;
        var empty = 0;
        var truncated = 0;
        long items = 0;
        string? firstError = null;
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/graphql", new { query, variables = variables[i % variables.Count] }, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var body = JsonNode.Parse(text);
            if (!response.IsSuccessStatusCode || body?["errors"] is not null)
            {
                errors++;
                firstError ??= text.Length > 300 ? text[..300] : text;
                continue;
            }

            var data = body!["data"]!;
            var count = Count(data);
            items += count;
            if (count == 0)
                empty++;
            if (data["traceChains"]?["truncated"]?.GetValue<bool>() == true)
                truncated++;
        }

        var shapes = new JsonObject
        {
            ["withNothingFound"] = empty,
            ["truncated"] = truncated,
            ["itemsPerAnswer"] = Math.Round((double)items / Math.Max(1, requests - errors), 2),
        };
        if (firstError is not null)
            shapes["firstError"] = firstError;
        return (LatencyStats.From(timings, errors), shapes);
    }

    /// <summary>Routes, paths, flags or contributions: the list the answer is about.</summary>
    private static int Count(JsonNode data) =>
        data["traceChains"]?["routes"]?.AsArray().Count
        ?? data["paths"]?.AsArray().Count
        ?? data["party"]?["redFlags"]?.AsArray().Count
        ?? data["exposure"]?["contributions"]?.AsArray().Count
        ?? 0;

    private static string Markdown(JsonObject results, List<(string Name, LatencyStats Stats, string Extra)> table, List<double> flows, int rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Investigations benchmark{(results["label"] is { } l ? $" ({l})" : "")}, {results["startedAt"]}, {results["machine"]}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Input: {results["input"]!["parties"]} parties, {results["input"]!["shipments"]} shipments ({results["input"]!["file"]}).");
        var import = results["import"]!;
        text.AppendLine(import["skipped"] is { } skipped
            ? $"Import: {skipped}."
            : $"Import: {import["seconds"]} s ({import["entitiesPerSecond"]} entities/s), peak {import["peakMemoryMiB"]} MiB, database {import["databaseMiB"]} MiB.");
        text.AppendLine();
        text.AppendLine("| query (over HTTP, sequential) | p50 ms | p95 ms | p99 ms | max ms | errors | answers |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (name, stats, extra) in table)
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{name}` | {stats.P50} | {stats.P95} | {stats.P99} | {stats.Max} | {stats.Errors} | {extra} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `tradeFlows` yearly by country pair | first {flows[0]:F0} | then {string.Join(" / ", flows.Skip(1).Select(f => f.ToString("F0", CultureInfo.InvariantCulture)))} | | | | {rows} rows |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Server peak memory (VmHWM): {results["serverPeakMemoryMiB"]} MiB.");
        return text.ToString();
    }
}
