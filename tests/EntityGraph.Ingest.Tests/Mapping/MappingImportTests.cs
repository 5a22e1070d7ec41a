using System.Text.Json;
using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Mapping;
using EntityGraph.Ingest.Tests.Import;

namespace EntityGraph.Ingest.Tests.Mapping;

/// <summary>A mapping imported into a real SQLite file through the same importer as FtM lines.</summary>
public class MappingImportTests
{
    private const string Mapping = """
        customs:
          query:
            csv_url: customs.csv
            entities:
              exporter: {schema: Company, keys: [exporter], properties: {name: exporter}}
              importer: {schema: Company, keys: [inn], properties: {name: importer, innCode: inn}}
              declaration:
                schema: EconomicActivity
                keys: [no]
                properties:
                  sender: {entity: exporter}
                  receiver: {entity: importer}
                  customsAmount: value
                  date: {column: date, format: "%d.%m.%Y"}
        """;

    private static async Task<ImportSummary> ImportAsync(StoreOnDisk db, MappingRun run, string csv, string? rejects = null)
    {
        run.Table("customs.csv", csv);
        var mapping = run.Load(Mapping);
        var source = new MappingSource(mapping.Datasets[0], mapping.Path);
        var options = new FtmImportOptions { Dataset = source.Dataset, RejectsPath = rejects ?? Path.Combine(run.Folder, "rejects.jsonl"), BatchSize = 2 };
        return await new FtmImporter(db.Store).ImportAsync(source, mapping.Path, options, null, TestContext.Current.CancellationToken);
    }

    private static string[] Ids(string export) =>
        [.. export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];

    [Fact]
    public async Task valid_rows_are_stored_and_a_refused_row_is_kept_in_the_rejects_file_with_its_file_row_and_reasons()
    {
        using var run = new MappingRun();
        await using var db = await StoreOnDisk.CreateAsync();

        var summary = await ImportAsync(db, run, """
            no,date,exporter,importer,inn,value
            1,15.03.2023,Ak-Shumkar,Radiotekhprom,7718123456,48250.00
            2,2023-04-02,Ak-Shumkar,Signal-Komplekt,7726654433,21900.50
            3,16.08.2023,Ak-Shumkar,Radiotekhprom,7718123456,51330.00
            """);

        Assert.Equal(3, summary.Lines);
        // Ak-Shumkar and Radiotekhprom of row 4 are exactly as row 2 gave them, so they are sent once.
        Assert.Equal(4, summary.Accepted);
        Assert.Equal(1, summary.Rejected);
        Assert.Equal("customs", summary.Dataset);
        Assert.Equal(4, Ids(await db.ExportAsync()).Length);
        var reject = JsonDocument.Parse(Assert.Single(File.ReadAllLines(summary.RejectsPath!))).RootElement;
        Assert.Equal("customs.csv", reject.GetProperty("source").GetString());
        Assert.Equal(3, reject.GetProperty("row").GetInt32());
        Assert.Equal("entity 'declaration': 'date' value '2023-04-02' does not fit the date format '%d.%m.%Y'", reject.GetProperty("reasons")[0].GetString());
        Assert.Equal("Signal-Komplekt", reject.GetProperty("fields")[3].GetString());
    }

    [Fact]
    public async Task importing_the_mapping_again_updates_the_same_entities()
    {
        using var run = new MappingRun();
        await using var db = await StoreOnDisk.CreateAsync();
        await ImportAsync(db, run, "no,date,exporter,importer,inn,value\n1,15.03.2023,Ak-Shumkar,Radiotekhprom,7718123456,48250.00\n");
        var before = Ids(await db.ExportAsync());

        await ImportAsync(db, run, "no,date,exporter,importer,inn,value\n1,15.03.2023,Ak-Shumkar,АО Радиотехпром,7718123456,48250.00\n");

        var export = await db.ExportAsync();
        Assert.Equal(before, Ids(export));
        Assert.Contains("АО Радиотехпром", export, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Radiotekhprom\"", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_entity_the_store_refuses_is_named_in_the_rejects_file()
    {
        using var run = new MappingRun();
        await using var db = await StoreOnDisk.CreateAsync();
        run.Table("people.csv", "id,name\nx-1,Acme\n");
        var mapping = run.Load(MappingEdgeTests.PersonAndFirmOnOneId);
        var source = new MappingSource(mapping.Datasets[0], mapping.Path);
        var rejects = Path.Combine(run.Folder, "rejects.jsonl");

        var summary = await new FtmImporter(db.Store).ImportAsync(source, mapping.Path, new FtmImportOptions { Dataset = "registry", RejectsPath = rejects }, null, TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Accepted);
        var reject = JsonDocument.Parse(Assert.Single(File.ReadAllLines(rejects))).RootElement;
        Assert.Equal("person", reject.GetProperty("entity").GetString());
        Assert.Equal(2, reject.GetProperty("row").GetInt32());
        Assert.Contains("neither schema is a kind of the other", reject.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_party_repeated_in_many_rows_is_stored_once_with_every_value_and_a_refused_row_does_not_hide_its_party()
    {
        using var run = new MappingRun();
        await using var db = await StoreOnDisk.CreateAsync();

        // Row 2 is refused, so Radiotekhprom's first good row is row 3; rows 3 and 5 give it exactly, row 4 adds a name.
        var summary = await ImportAsync(db, run, """
            no,date,exporter,importer,inn,value
            1,2023-03-15,Ak-Shumkar,Radiotekhprom,7718123456,48250.00
            2,16.03.2023,Ak-Shumkar,Radiotekhprom,7718123456,100.00
            3,17.03.2023,Ak-Shumkar,АО Радиотехпром,7718123456,200.00
            4,18.03.2023,Ak-Shumkar,Radiotekhprom,7718123456,300.00
            """);

        Assert.Equal(1, summary.Rejected);
        var importer = (await db.ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("properties").TryGetProperty("innCode", out _));
        Assert.Equal(["Radiotekhprom", "АО Радиотехпром"], importer.GetProperty("properties").GetProperty("name").EnumerateArray().Select(n => n.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(5, Ids(await db.ExportAsync()).Length);
    }
}
