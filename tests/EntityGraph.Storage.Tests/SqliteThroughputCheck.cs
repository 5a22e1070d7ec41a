using System.Diagnostics;
using System.Globalization;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Storage.Tests;

/// <summary>
/// A measurement, not a test: run it on purpose with
/// <c>dotnet run --project tests/EntityGraph.Storage.Tests -c Release -- -explicit only -class EntityGraph.Storage.Tests.SqliteThroughputCheck</c>.
/// </summary>
public sealed class SqliteThroughputCheck
{
    private const int Entities = 200_000;
    private const int BatchSize = 5_000;

    private static readonly string[] Words = ["volga", "ural", "sever", "baltic", "amur", "neva", "kama", "don", "oka", "lena", "trading", "logistics", "elektronika", "tekhnika", "systems", "import"];

    [Fact(Explicit = true)]
    public async Task writes_and_searches_a_synthetic_graph()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        using var database = TempDatabase.Create("throughput");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database.Path });
        await store.InitializeAsync(ct);
        var run = ImportRun.Start("synthetic");

        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < Entities; start += BatchSize)
        {
            var batch = Enumerable.Range(start, BatchSize).Select(Synthesize).ToList();
            var result = await store.UpsertAsync(batch, run, ct);
            Assert.Empty(result.Rejected);
        }

        clock.Stop();
        cpu = Environment.CpuUsage.TotalTime - cpu;
        // CPU time too, because the wall clock on a shared machine measures the neighbours as much as the store.
        output.WriteLine($"wrote {Entities:N0} entities in {clock.Elapsed.TotalSeconds:F2} s: {Entities / clock.Elapsed.TotalSeconds:N0} entities/s "
            + $"(CPU {cpu.TotalSeconds:F2} s: {Entities / cpu.TotalSeconds:N0} entities per CPU-second; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown")})");

        var random = new Random(7);
        var latencies = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var text = $"{Words[random.Next(10)]} {Words[10 + random.Next(6)][..4]}";
            var one = Stopwatch.StartNew();
            await store.SearchAsync(new PartySearch(text), ct);
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        output.WriteLine($"search over {Entities * 6 / 10:N0} parties: p50 {latencies[latencies.Count / 2]:F1} ms, p95 {latencies[latencies.Count * 95 / 100]:F1} ms");
        output.WriteLine($"file size {new FileInfo(database.Path).Length / 1024 / 1024} MiB");
    }

    /// <summary>Six in ten are companies, two ownerships, two shipments between companies.</summary>
    private static FtmEntity Synthesize(int n)
    {
        var company = (int)(n / 10 * 6L);
        string Party(int k) => $"co-{(company + k) % Math.Max(1, company + 1)}";
        var kind = n % 10;
        if (kind < 6)
        {
            var i = n / 10 * 6 + kind;
            return Entity($"co-{i}", "Company", ("name", $"{Words[i % 10]} {Words[10 + i % 6]} {i}"), ("country", i % 3 == 0 ? "ru" : "kg"), ("incorporationDate", "2019-02"));
        }

        if (kind < 8)
            return Entity($"own-{n}", "Ownership", ("owner", Party(1)), ("asset", Party(2)), ("percentage", "51%"), ("startDate", "2020"));
        return Entity($"shp-{n}", "EconomicActivity", ("sender", Party(1)), ("receiver", Party(3)), ("date", "2022-05-03"), ("vedCode", "854231"),
            ("customsAmount", (n % 50_000).ToString(CultureInfo.InvariantCulture)), ("goodsDescription", "integrated circuits"));
    }

    private static FtmEntity Entity(string id, string schema, params (string Property, string Value)[] values) =>
        new(id, schema, values.ToDictionary(v => v.Property, v => (IReadOnlyList<string>)[v.Value]));
}
