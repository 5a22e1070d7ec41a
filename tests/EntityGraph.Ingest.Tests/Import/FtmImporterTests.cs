using System.IO.Compression;
using System.Text;
using System.Text.Json;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Import;

namespace EntityGraph.Ingest.Tests.Import;

public class FtmImporterTests
{
    private const string Acme = """{"id":"acme","schema":"Company","properties":{"name":["Acme GmbH"],"country":["de"]}}""";
    private const string Ivanov = """{"id":"ivanov","schema":"Person","properties":{"name":["Иван Иванов"],"nationality":["ru"]}}""";
    private const string Stake = """{"id":"own-1","schema":"Ownership","properties":{"owner":["ivanov"],"asset":["acme"],"percentage":["51%"]}}""";
    private const string BadCountry = """{"id":"bad","schema":"Company","properties":{"name":["Bad"],"country":["Narnia"]}}""";

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    [Fact]
    public async Task valid_lines_are_kept_when_others_in_the_file_are_refused()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        var path = dir.Write("case.ftm.jsonl", Lines(Acme, BadCountry, "not json", Ivanov, Stake));

        var summary = await db.ImportAsync(path);

        Assert.Equal(5, summary.Lines);
        Assert.Equal(3, summary.Accepted);
        Assert.Equal(2, summary.Rejected);
        Assert.Equal(new Dictionary<string, long> { ["Company"] = 1, ["Ownership"] = 1, ["Person"] = 1 }, summary.BySchema);
        Assert.Equal(["acme", "ivanov", "own-1"], (await db.ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(IdOf));
    }

    [Fact]
    public async Task each_refused_line_is_written_to_the_rejects_file_with_its_number_reasons_and_original_text()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        var path = dir.Write("case.ftm.jsonl", Lines(Acme, BadCountry, "", "not json"));

        var summary = await db.ImportAsync(path);

        Assert.Equal(path + ".rejects.jsonl", summary.RejectsPath);
        var rejects = File.ReadAllLines(summary.RejectsPath!).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, rejects.Length);
        Assert.Equal(2, rejects[0].GetProperty("line").GetInt32());
        Assert.Equal(BadCountry, rejects[0].GetProperty("original").GetString());
        Assert.Contains("'Narnia' is not a known country code", rejects[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(4, rejects[1].GetProperty("line").GetInt32());
        Assert.Equal("not json", rejects[1].GetProperty("original").GetString());
    }

    [Fact]
    public async Task a_shipment_whose_value_is_not_a_number_is_rejected_with_its_reason_and_the_valid_lines_are_kept()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        const string priced = """{"id":"ship-1","schema":"EconomicActivity","properties":{"sender":["acme"],"receiver":["ivanov"],"customsAmount":["1,234.50"]}}""";
        const string unpriceable = """{"id":"ship-2","schema":"EconomicActivity","properties":{"sender":["acme"],"receiver":["ivanov"],"customsAmount":["lots"]}}""";
        var path = dir.Write("customs.ftm.jsonl", Lines(Acme, Ivanov, priced, unpriceable));

        var summary = await db.ImportAsync(path);

        Assert.Equal((3, 1), (summary.Accepted, summary.Rejected));
        var shipments = await db.Store.GetShipmentsAsync(["ship-1", "ship-2"], TestContext.Current.CancellationToken);
        Assert.Equal(1234.5, Assert.Single(shipments).ValueUsd);
        var reject = JsonDocument.Parse(File.ReadAllText(summary.RejectsPath!)).RootElement;
        Assert.Equal(4, reject.GetProperty("line").GetInt32());
        Assert.Equal(unpriceable, reject.GetProperty("original").GetString());
        Assert.Equal(
            "'customsAmount' value 'lots' is not a number; it is read as the shipment's value in US dollars (e.g. 1234.5 or 1,234.50)",
            Assert.Single(reject.GetProperty("reasons").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task a_clean_import_writes_no_rejects_file()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        var path = dir.Write("clean.jsonl", Lines(Acme));

        var summary = await db.ImportAsync(path);

        Assert.True(summary.Complete);
        Assert.Null(summary.RejectsPath);
        Assert.False(File.Exists(path + ".rejects.jsonl"));
    }

    [Fact]
    public async Task a_line_the_store_refuses_goes_to_the_rejects_file_too()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        var asPerson = """{"id":"acme","schema":"Person","properties":{"name":["Acme"]}}""";
        var path = dir.Write("clash.jsonl", Lines(Acme, asPerson));

        var summary = await db.ImportAsync(path, new FtmImportOptions { RejectsPath = dir.File("out/rejects.jsonl") });

        Assert.Equal(1, summary.Rejected);
        var reject = JsonDocument.Parse(File.ReadAllText(dir.File("out/rejects.jsonl"))).RootElement;
        Assert.Equal(2, reject.GetProperty("line").GetInt32());
        Assert.Equal(asPerson, reject.GetProperty("original").GetString());
        Assert.Contains("Company", reject.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_dataset_is_named_after_the_file_without_its_extensions()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        var path = dir.File("demo-case.ftm.jsonl.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(Lines(Acme, Ivanov)));

        var summary = await db.ImportAsync(path);

        Assert.Equal("demo-case", summary.Dataset);
        Assert.Equal(2, summary.Accepted);
        Assert.Contains("\"datasets\":[\"demo-case\"]", await db.ExportAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_stream_like_stdin_is_imported_under_the_stdin_dataset()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        using var reader = FtmLineReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(Lines(Acme, BadCountry))));

        var summary = await new FtmImporter(db.Store).ImportAsync(
            reader, "-", new FtmImportOptions { RejectsPath = dir.File("stdin.rejects.jsonl") }, null, TestContext.Current.CancellationToken);

        Assert.Equal("stdin", summary.Dataset);
        Assert.Equal(1, summary.Accepted);
        Assert.True(File.Exists(dir.File("stdin.rejects.jsonl")));
        Assert.Equal("stdin.rejects.jsonl", FtmImporter.DefaultRejectsPath("-"));
    }

    [Fact]
    public async Task importing_the_same_file_again_changes_no_entity()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        var path = dir.Write("case.jsonl", Lines(Acme, Ivanov, Stake));
        await db.ImportAsync(path);
        var first = await db.ExportAsync();

        await db.ImportAsync(path);

        // last_seen moves on with the second sighting, by design; everything else stays as it was.
        Assert.Equal(WithoutLastSeen(first), WithoutLastSeen(await db.ExportAsync()));
    }

    [Fact]
    public async Task fragments_of_one_id_are_merged_across_lines_and_batches()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        var path = dir.Write("fragments.jsonl", Lines(
            """{"id":"x","schema":"LegalEntity","properties":{"name":["X Ltd"]}}""",
            Acme,
            """{"id":"x","schema":"Company","properties":{"name":["X Limited"],"jurisdiction":["kg"]}}"""));

        await db.ImportAsync(path, new FtmImportOptions { BatchSize = 2 });

        var x = (await db.Store.GetEntitiesAsync(["x"], TestContext.Current.CancellationToken)).Single();
        Assert.Equal("Company", x.Schema);
        Assert.Equal(["X Ltd", "X Limited"], x.Values("name"));
        Assert.Equal(["kg"], x.Values("jurisdiction"));
    }

    [Fact]
    public async Task re_importing_a_dataset_replaces_its_values_and_keeps_other_datasets()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        await db.ImportAsync(dir.Write("registry.jsonl", Lines("""{"id":"acme","schema":"Company","properties":{"name":["Acme"],"alias":["Old Alias"]}}""")));
        await db.ImportAsync(dir.Write("customs.jsonl", Lines("""{"id":"acme","schema":"Company","properties":{"name":["ACME GMBH"]}}""")));

        await db.ImportAsync(dir.Write("registry-v2.jsonl", Lines("""{"id":"acme","schema":"Company","properties":{"name":["Acme"]}}""")), new FtmImportOptions { Dataset = "registry" });

        var acme = (await db.Store.GetEntitiesAsync(["acme"], TestContext.Current.CancellationToken)).Single();
        Assert.Empty(acme.Values("alias"));
        // Values merge in dataset order: customs, then registry.
        Assert.Equal(["ACME GMBH", "Acme"], acme.Values("name"));
        Assert.Equal(["customs", "registry"], acme.Datasets);
    }

    [Fact]
    public async Task an_export_imported_into_a_fresh_store_exports_the_same()
    {
        using var dir = new TempDirectory();
        await using var first = await StoreOnDisk.CreateAsync();
        var source = Lines(
            Stake,
            """{"id":"acme","schema":"Company","properties":{"name":["Acme GmbH","Акме"],"country":"de","incorporationDate":["2022-03"]}}""",
            Ivanov,
            """{"id":"ship-1","schema":"EconomicActivity","properties":{"sender":["acme"],"receiver":["ivanov"],"vedCode":["8542310000"],"customsAmount":["1200.50"],"date":["2023-04-05"]}}""");
        await first.ImportAsync(dir.Write("case.jsonl", source));
        var export = await first.ExportAsync();

        await using var second = await StoreOnDisk.CreateAsync();
        await second.ImportAsync(dir.Write("case-export.jsonl", export), new FtmImportOptions { Dataset = "case" });

        Assert.Equal(export, await second.ExportAsync());
        var acme = FtmEntityParser.Parse(export.Split('\n')[0]);
        Assert.Equal("Company", acme.Schema);
        Assert.Equal(["Acme GmbH", "Акме"], acme.Properties["name"]);
        Assert.Equal(["de"], acme.Properties["country"]);
    }

    [Fact]
    public async Task progress_is_reported_per_batch_up_to_the_whole_file()
    {
        using var dir = new TempDirectory();
        await using var db = await StoreOnDisk.CreateAsync();
        var lines = Enumerable.Range(0, 25).Select(i => $$$"""{"id":"c{{{i}}}","schema":"Company","properties":{"name":["C {{{i}}}"]}}""").ToArray();
        var path = dir.Write("many.jsonl", Lines(lines));
        var reports = new List<ImportProgress>();

        await db.ImportAsync(path, new FtmImportOptions { BatchSize = 10 }, new Recorder(reports));

        Assert.Equal([10L, 20L, 25L], reports.Select(r => r.Accepted));
        Assert.Equal(1.0, reports[^1].Fraction);
    }

    private static string IdOf(string line) => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!;

    private static string WithoutLastSeen(string export) =>
        System.Text.RegularExpressions.Regex.Replace(export, ",\"last_seen\":\"[^\"]*\"", "");

    /// <summary>Records synchronously; <see cref="Progress{T}"/> would post to the thread pool and race the assertions.</summary>
    private sealed class Recorder(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
