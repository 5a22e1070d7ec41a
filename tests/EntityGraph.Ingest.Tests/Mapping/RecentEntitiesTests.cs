namespace EntityGraph.Ingest.Tests.Mapping;

/// <summary>
/// What a mapping hands on from an earlier row: only the entity made from exactly the same cells, whichever table and
/// column order they come from, and never one whose cells merely run together into the same text.
/// </summary>
public class RecentEntitiesTests
{
    private const string FirmsByNameAndCountry = """
        registry:
          query:
            csv_urls: [a.csv, b.csv]
            entities:
              firm: {schema: Company, keys: [name], properties: {name: {column: name}, country: {column: country}}}
        """;

    [Fact]
    public void the_same_cells_in_a_table_with_other_columns_hand_on_the_entity_made_from_the_first()
    {
        using var run = new MappingRun()
            .Table("a.csv", "name,country\nAcme,ru\n")
            .Table("b.csv", "country,extra,name\nru,x,Acme\nkz,x,Acme\n")
            .Run(FirmsByNameAndCountry);

        var firms = run.All("firm").ToList();

        Assert.Same(firms[0], firms[1]);
        Assert.NotSame(firms[1], firms[2]);
        Assert.Equal(["kz"], firms[2].Properties["country"]);
    }

    [Fact]
    public void cells_that_run_together_into_the_same_text_are_told_apart()
    {
        using var run = new MappingRun().Table("a.csv", "name,number\nAcme1,2\nAcme,12\nAcme,\nAcme,12\n").Run("""
            registry:
              query:
                csv_url: a.csv
                entities:
                  firm: {schema: Company, keys: [name], properties: {name: {column: name}, registrationNumber: {column: number}}}
            """);

        var firms = run.All("firm").ToList();

        Assert.Equal(["2", "12"], firms.Take(2).Select(f => f.Properties["registrationNumber"][0]));
        Assert.False(firms[2].Properties.ContainsKey("registrationNumber"));
        Assert.NotSame(firms[1], firms[2]);
        Assert.Same(firms[1], firms[3]);
    }

    [Fact]
    public void an_entity_made_from_a_cell_too_long_to_remember_is_made_anew_with_every_value()
    {
        var longName = new string('A', char.MaxValue + 10);
        using var run = new MappingRun().Table("a.csv", $"name,country\n{longName},ru\n{longName},ru\n").Table("b.csv", "name,country\n").Run(FirmsByNameAndCountry);

        var firms = run.All("firm").ToList();

        Assert.Equal(2, firms.Count);
        Assert.NotSame(firms[0], firms[1]);
        Assert.All(firms, f => Assert.Equal(longName, f.Properties["name"][0]));
        Assert.Equal(firms[0].Id, firms[1].Id);
    }

    [Fact]
    public void an_entity_handed_on_gives_the_entities_referencing_it_all_its_names_each_once()
    {
        using var run = new MappingRun().Table("d.csv", """
            no,exporter,alias,importer
            1,Acme,ACME Ltd,Beta
            2,Acme,ACME Ltd,Beta
            3,Acme,Acme,Gamma
            """).Run("""
            customs:
              query:
                csv_url: d.csv
                entities:
                  exporter: {schema: Company, keys: [exporter], properties: {name: {column: exporter}, alias: {column: alias}}}
                  importer: {schema: Company, keys: [importer], properties: {name: {column: importer}}}
                  declaration:
                    schema: EconomicActivity
                    keys: [no]
                    properties: {ccdNumber: {column: no}, sender: {entity: exporter}, receiver: {entity: importer}}
            """);

        // The schema lists alias before name.
        var exporters = run.All("exporter").ToList();
        var declarations = run.All("declaration").ToList();

        Assert.Same(exporters[0], exporters[1]);
        Assert.Equal(["ACME Ltd", "Acme", "Beta"], declarations[0].Properties["namesMentioned"]);
        Assert.Equal(["ACME Ltd", "Acme", "Beta"], declarations[1].Properties["namesMentioned"]);
        Assert.Equal(["Acme", "Gamma"], declarations[2].Properties["namesMentioned"]);
    }
}
