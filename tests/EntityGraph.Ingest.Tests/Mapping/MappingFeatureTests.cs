namespace EntityGraph.Ingest.Tests.Mapping;

/// <summary>Each setting of the FtM mapping format, on a small table written by the test.</summary>
public class MappingFeatureTests
{
    private const string Customs = """
        declaration_no,date,exporter,exporter_country,importer,inn,hs_code,goods,value_usd,street,city
        10005030/150323/0041877,15.03.2023,Ak-Shumkar Trade,KG,Radiotekhprom,7718123456,8542310000,Microcontrollers,48250.00,Toktogula 125,Bishkek
        """;

    private static string Query(string entities, string extra = "") => $"""
        customs:
          queries:
            - csv_url: customs.csv
        {extra}
              entities:
        {entities}
        """;

    [Fact]
    public void column_columns_and_join_give_values()
    {
        using var run = new MappingRun().Table("customs.csv", Customs).Run(Query("""
                    exporter:
                      schema: Company
                      keys: [exporter]
                      properties:
                        name: {column: exporter}
                        address: {columns: [street, city], join: ", "}
                        alias: {columns: [exporter, importer]}
            """));

        var exporter = run.Single("exporter");
        Assert.Equal(["Ak-Shumkar Trade"], exporter.Properties["name"]);
        Assert.Equal(["Toktogula 125, Bishkek"], exporter.Properties["address"]);
        Assert.Equal(["Ak-Shumkar Trade", "Radiotekhprom"], exporter.Properties["alias"]);
    }

    [Fact]
    public void literal_and_literals_give_constant_values_and_countries_are_written_as_ftm_codes()
    {
        using var run = new MappingRun().Table("customs.csv", Customs).Run(Query("""
                    importer:
                      schema: Company
                      keys: [inn]
                      properties:
                        name: {column: importer}
                        country: {literal: RU}
                        topics: {literals: [export.control, role.oligarch]}
            """));

        var importer = run.Single("importer");
        Assert.Equal(["ru"], importer.Properties["country"]);
        Assert.Equal(["export.control", "role.oligarch"], importer.Properties["topics"]);
    }

    [Fact]
    public void entity_references_take_the_id_of_the_entity_the_row_made_and_its_names()
    {
        using var run = new MappingRun().Table("customs.csv", Customs).Run(Query("""
                    declaration:
                      schema: EconomicActivity
                      keys: [declaration_no]
                      properties:
                        sender: {entity: exporter}
                        receiver: {entity: importer}
                    exporter:
                      schema: Company
                      keys: [exporter, exporter_country]
                      properties:
                        name: {column: exporter}
                    importer:
                      schema: Company
                      keys: [inn]
                      properties:
                        name: {column: importer}
            """));

        var declaration = run.Single("declaration");
        Assert.Equal([run.Single("exporter").Id], declaration.Properties["sender"]);
        Assert.Equal([run.Single("importer").Id], declaration.Properties["receiver"]);
        Assert.Equal(["Ak-Shumkar Trade", "Radiotekhprom"], declaration.Properties["namesMentioned"]);
        // Made after the entities it references, whatever the order in the file.
        Assert.Equal(["exporter", "importer", "declaration"], run.Entities.Select(e => e.MappedAs));
    }

    [Fact]
    public void split_template_and_format_shape_the_values()
    {
        using var run = new MappingRun().Table("goods.csv", "id,codes,street,city,day\n1,8542310000; 8541290000,Toktogula 125,Bishkek,15.03.2023\n")
            .Run("""
                customs:
                  query:
                    csv_url: goods.csv
                    entities:
                      declaration:
                        schema: EconomicActivity
                        keys: [id]
                        properties:
                          vedCode: {column: codes, split: ";"}
                          summary: {template: "Delivered to {{street}}, {{city}}"}
                          date: {column: day, format: "%d.%m.%Y"}
                """);

        var declaration = run.Single("declaration");
        Assert.Equal(["8542310000", "8541290000"], declaration.Properties["vedCode"]);
        Assert.Equal(["Delivered to Toktogula 125, Bishkek"], declaration.Properties["summary"]);
        Assert.Equal(["2023-03-15"], declaration.Properties["date"]);
    }

    [Theory]
    [InlineData("%d.%m.%Y", "15.03.2023", "2023-03-15")]
    [InlineData("%Y%m%d", "20230315", "2023-03-15")]
    [InlineData("%d/%m/%y", "15/03/23", "2023-03-15")]
    [InlineData("%d %b %Y", "15 MAR 2023", "2023-03-15")]
    [InlineData("%B %Y", "March 2023", "2023-03")]
    [InlineData("%Y", "2023", "2023")]
    [InlineData("%d.%m.%Y %H:%M", "15.03.2023 10:05", "2023-03-15T10:05")]
    [InlineData("%Y-%j", "2024-060", "2024-02-29")]
    public void a_date_format_reads_the_whole_value_as_an_iso_prefix_as_precise_as_the_format(string format, string value, string expected)
    {
        var parsed = Ingest.Mapping.DateFormat.Parse(format, out var error);

        Assert.Null(error);
        Assert.Equal(expected, parsed!.Read(value));
    }

    [Theory]
    [InlineData("%d.%m.%Y", "2023-03-15")]
    [InlineData("%d.%m.%Y", "31.02.2023")]
    [InlineData("%d.%m.%Y", "15.03.2023 extra")]
    [InlineData("%Y-%j", "2023-366")]
    public void a_value_that_does_not_fit_the_format_is_not_read(string format, string value) =>
        Assert.Null(Ingest.Mapping.DateFormat.Parse(format, out _)!.Read(value));

    [Fact]
    public void required_makes_no_entity_where_the_value_is_empty()
    {
        using var run = new MappingRun().Table("people.csv", "id,name,passport\n1,Ivanov,AB123\n2,Petrov,\n")
            .Run("""
                registry:
                  query:
                    csv_url: people.csv
                    entities:
                      person:
                        schema: Person
                        keys: [id]
                        properties:
                          name: {column: name}
                          passportNumber: {column: passport, required: true}
                """);

        Assert.Equal(["Ivanov"], run.All("person").Select(p => p.Properties["name"][0]));
        Assert.Equal(1, run.Source!.NotMade["person: required 'passportNumber' empty"]);
    }

    [Fact]
    public void filters_keep_only_rows_with_the_values_and_filters_not_drop_rows_with_them()
    {
        using var run = new MappingRun().Table("customs.csv", "id,name,direction,status\n1,A,IM,ok\n2,B,EX,ok\n3,C,IM,void\n4,D,IM,\n")
            .Run("""
                customs:
                  query:
                    csv_url: customs.csv
                    filters: {direction: IM}
                    filters_not: {status: [void]}
                    entities:
                      firm: {schema: Company, keys: [id], properties: {name: {column: name}}}
                """);

        Assert.Equal(["A", "D"], run.All("firm").Select(f => f.Properties["name"][0]));
        Assert.Equal(2, run.Source!.Filtered);
    }

    [Fact]
    public void csv_urls_read_several_tables_plain_or_gzip_relative_to_the_mapping()
    {
        using var run = new MappingRun()
            .Table("2022.csv", "id,name\n1,Alpha\n")
            .GzipTable("2023.csv.gz", "id,name\n2,Beta\n")
            .Run("""
                customs:
                  query:
                    csv_urls: [2022.csv, 2023.csv.gz]
                    entities:
                      firm: {schema: Company, keys: [id], properties: {name: name}}
                """);

        Assert.Equal(["Alpha", "Beta"], run.All("firm").Select(f => f.Properties["name"][0]));
    }

    [Fact]
    public void cells_are_cleaned_as_ftm_cleans_source_text()
    {
        using var run = new MappingRun().Table("rows.csv", "id,name\n1,\"  Acme\u0007 GmbH \"\n")
            .Run("""
                registry:
                  query:
                    csv_url: rows.csv
                    entities:
                      firm: {schema: Company, keys: [id], properties: {name: {column: name}}}
                """);

        Assert.Equal(["Acme GmbH"], run.Single("firm").Properties["name"]);
    }

    [Fact]
    public void a_utf8_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        using var run = new MappingRun().Bytes("rows.csv", [0xEF, 0xBB, 0xBF, .. "id,name\n1,Acme\n"u8])
            .Run("""
                registry:
                  query:
                    csv_url: rows.csv
                    entities:
                      firm: {schema: Company, keys: [id], properties: {name: {column: name}}}
                """);

        Assert.Single(run.All("firm"));
    }
}
