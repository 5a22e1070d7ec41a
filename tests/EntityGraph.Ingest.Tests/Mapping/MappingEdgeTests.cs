using System.Text;
using System.Text.Json;
using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Mapping;
using EntityGraph.Ingest.Tests.Import;

namespace EntityGraph.Ingest.Tests.Mapping;

/// <summary>Inputs found by reviewing the mapping code: each used to lose or mangle data, or end in a stack trace.</summary>
public class MappingEdgeTests
{
    /// <summary>Two entities of one row on one id, with schemas that cannot merge.</summary>
    internal const string PersonAndFirmOnOneId = """
        registry:
          query:
            csv_url: people.csv
            entities:
              firm: {schema: Company, id_column: id, properties: {name: name}}
              person: {schema: Person, id_column: id, properties: {name: name}}
        """;

    [Fact]
    public async Task map_refuses_a_row_whose_entities_share_an_id_with_schemas_that_cannot_merge()
    {
        using var run = new MappingRun().Table("people.csv", "id,name\nx-1,Acme\nx-2,Beta\n");
        var mapping = run.Load(PersonAndFirmOnOneId);
        var output = new MemoryStream();
        var rejects = Path.Combine(run.Folder, "rejects.jsonl");

        var summary = await MappingWriter.WriteAsync(mapping, null, output, rejects, sign: false, TestContext.Current.CancellationToken);

        Assert.Equal(0, summary.Entities);
        Assert.Equal(2, summary.Rejected);
        Assert.Empty(Encoding.UTF8.GetString(output.ToArray()));
        var reject = JsonDocument.Parse(File.ReadLines(rejects).First()).RootElement;
        Assert.Equal("entity 'person': id x-1 is a Person here but a Company elsewhere; neither schema is a kind of the other", reject.GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public void a_row_repeating_an_entity_hands_on_the_one_made_before_but_a_changed_cell_or_reference_makes_it_anew()
    {
        // The ownership is keyed on its owner alone; what it owns comes from the company the same row makes.
        using var run = new MappingRun().Table("owners.csv", """
            owner,address,company
            Ivanov,Lenina 1,Acme
            Ivanov,Lenina 1,Acme
            Ivanov,Mira 2,Acme
            Ivanov,Lenina 1,Beta
            """).Run("""
            registry:
              query:
                csv_url: owners.csv
                entities:
                  owner: {schema: Person, keys: [owner], properties: {name: {column: owner}, address: {column: address}}}
                  company: {schema: Company, keys: [company], properties: {name: {column: company}}}
                  ownership: {schema: Ownership, keys: [owner], properties: {owner: {entity: owner}, asset: {entity: company}}}
            """);

        var owners = run.All("owner").ToList();
        var ownerships = run.All("ownership").ToList();

        Assert.Same(owners[0], owners[1]);
        Assert.Equal(["Lenina 1", "Mira 2", "Lenina 1"], owners.Skip(1).Select(o => o.Properties["address"][0]));
        Assert.NotSame(owners[1], owners[2]);
        Assert.Same(ownerships[0], ownerships[1]);
        Assert.NotSame(ownerships[1], ownerships[2]);
        Assert.Equal(owners[2].Id, ownerships[2].Properties["owner"][0]);
        Assert.NotEqual(ownerships[0].Properties["asset"][0], ownerships[3].Properties["asset"][0]);
        Assert.Equal(run.All("company").Last().Id, ownerships[3].Properties["asset"][0]);
    }

    [Fact]
    public async Task an_entity_the_store_refuses_is_reported_for_every_row_that_gives_it()
    {
        using var run = new MappingRun().Table("people.csv", "id,name\nx-1,Acme\nx-1,Acme\nx-1,Acme\n");
        await using var db = await StoreOnDisk.CreateAsync();
        var mapping = run.Load(PersonAndFirmOnOneId);
        var rejects = Path.Combine(run.Folder, "rejects.jsonl");
        var options = new FtmImportOptions { Dataset = "registry", RejectsPath = rejects, BatchSize = 1 };

        var summary = await new FtmImporter(db.Store).ImportAsync(new MappingSource(mapping.Datasets[0], mapping.Path), mapping.Path, options, null, TestContext.Current.CancellationToken);

        Assert.Equal([2, 3, 4], File.ReadLines(rejects).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("row").GetInt32()));
        Assert.Equal(3, summary.Rejected);
        Assert.Equal(2, summary.Repeated);
    }

    [Fact]
    public async Task an_entity_given_again_after_its_id_took_other_values_is_sent_again_and_each_value_is_kept()
    {
        // The third row makes the very entity the first made, but the store last took the second's values under that id.
        using var run = new MappingRun().Table("firms.csv", "inn,name\n7701,Acme\n7701,Acme Trading\n7701,Acme\n7701,Acme\n");
        await using var db = await StoreOnDisk.CreateAsync();
        var mapping = run.Load("""
            registry:
              query:
                csv_url: firms.csv
                entities:
                  firm: {schema: Company, keys: [inn], properties: {name: {column: name}, innCode: {column: inn}}}
            """);
        var options = new FtmImportOptions { Dataset = "registry", RejectsPath = Path.Combine(run.Folder, "rejects.jsonl"), BatchSize = 1 };

        var summary = await new FtmImporter(db.Store).ImportAsync(new MappingSource(mapping.Datasets[0], mapping.Path), mapping.Path, options, null, TestContext.Current.CancellationToken);

        Assert.Equal(3, summary.Accepted);
        Assert.Equal(1, summary.Repeated);
        var firm = Assert.Single(await db.Store.GetEntitiesAsync([EntityMappingIdOf("registry", "7701")], TestContext.Current.CancellationToken));
        Assert.Equal(["Acme", "Acme Trading"], firm.Values("name"));
    }

    private static string EntityMappingIdOf(string prefix, string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(prefix + key)));

    [Fact]
    public void a_column_missing_from_a_later_table_is_found_before_any_row_is_read()
    {
        using var run = new MappingRun().Table("a.csv", "id,name\n1,Acme\n").Table("b.csv", "id,title\n2,Beta\n");
        var mapping = run.Load("""
            registry:
              query:
                csv_urls: [a.csv, b.csv]
                entities:
                  firm: {schema: Company, keys: [id], properties: {name: name}}
            """);

        var error = Assert.Throws<MappingException>(() => new MappingSource(mapping.Datasets[0], mapping.Path).CheckTables());

        Assert.StartsWith("the mapping reads column 'name', which 'b.csv' does not have", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void signing_signs_every_reference_including_those_read_from_a_column()
    {
        // hmac.new(b"registry", b"c1", "sha1").hexdigest()
        using var run = new MappingRun().Table("stakes.csv", "id,owner,asset\ns1,Ivanov,c1\n").Run(
            """
            registry:
              query:
                csv_url: stakes.csv
                entities:
                  owner: {schema: Person, keys: [owner], properties: {name: owner}}
                  stake: {schema: Ownership, id_column: id, properties: {owner: {entity: owner}, asset: {column: asset}}}
            """,
            sign: true);

        Assert.Equal(["c1.624537aa56be2d5f30f283de676f55ebde43ee36"], run.Single("stake").Properties["asset"]);
    }

    [Fact]
    public void a_quote_never_closed_stops_with_the_line_it_opened_on_instead_of_reading_the_file_into_memory()
    {
        using var run = new MappingRun().Table("firms.csv", "id,name\n1,Acme\n2,\"Beta\n" + new string('x', (CsvTableLimit + 1) * 2) + "\n");

        var error = Assert.Throws<MappingException>(() => run.Run(FirmNames));

        Assert.Equal("firms.csv", error.File);
        Assert.Contains("a record does not end within 4 MiB (a quote opened here and never closed?)", error.Problem, StringComparison.Ordinal);
    }

    private const string FirmNames = """
        registry:
          query:
            csv_url: firms.csv
            entities:
              firm: {schema: Company, keys: [id], properties: {name: name}}
        """;

    private const int CsvTableLimit = Ingest.Tables.CsvTable.MaxRecordSize;

    [Theory]
    [InlineData("a:\n  query: {csv_url: a.csv, entities: {x: {schema: Company, keys: [id]}}}\n---\nb:\n  query: {}\n", 4, "the file holds more than one YAML document")]
    [InlineData("a:\n  query:\n    csv_url: 'file://'\n    entities: {x: {schema: Company, keys: [id]}}\n", 3, "'file://' is not a file address")]
    public void mapping_files_that_ftm_would_refuse_are_refused_with_their_line(string yaml, int line, string problem)
    {
        using var run = new MappingRun();

        var error = Assert.Throws<MappingException>(() => run.Load(yaml));

        Assert.Equal(line, error.Line);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_column_the_mapping_reads_that_the_header_names_twice_is_refused()
    {
        using var run = new MappingRun().Table("firms.csv", "id,name,name\n1,Acme,Acme GmbH\n");

        var error = Assert.Throws<MappingException>(() => run.Run(FirmNames));

        Assert.Equal("the mapping reads 'name', which 'firms.csv' names more than once in its header; rename one so that no column's values are lost", error.Problem);
    }
}
