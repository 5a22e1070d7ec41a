using EntityGraph.Ingest.Mapping;

namespace EntityGraph.Ingest.Tests.Mapping;

/// <summary>
/// Bad input gets a clear error and nothing is lost: a mistake in the mapping stops before any row with the file, the
/// line and what to fix; a row that cannot be mapped is refused with its reason while the other rows are kept.
/// </summary>
public class MappingErrorTests
{
    private const string Firms = "id,name,country\n1,Acme,DE\n";

    private static string Entity(string entity, string table = "firms.csv") => $"""
        registry:
          query:
            csv_url: {table}
            entities:
        {entity}
        """;

    private static MappingException Refused(string yaml, string table = Firms)
    {
        using var run = new MappingRun().Table("firms.csv", table);
        return Assert.Throws<MappingException>(() => run.Run(yaml));
    }

    [Fact]
    public void a_file_that_is_not_yaml_names_its_line()
    {
        var error = Refused("registry:\n  query:\n    csv_url: firms.csv\n   entities: [\n");

        Assert.EndsWith("mapping.yml", error.File, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("not valid YAML", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unknown_schema_is_named_with_the_nearest_one()
    {
        var error = Refused(Entity("      firm: {schema: company, keys: [id]}"));

        Assert.Equal(5, error.Line);
        Assert.Equal("entity 'firm': FtM has no schema 'company' (did you mean 'Company'?)", error.Problem);
    }

    [Fact]
    public void an_abstract_schema_is_refused()
    {
        var error = Refused(Entity("      thing: {schema: Thing, keys: [id]}"));

        Assert.Equal("entity 'thing': schema 'Thing' is abstract in FtM; give a concrete one such as Company or Person", error.Problem);
    }

    [Fact]
    public void an_unknown_property_is_named_with_its_schema()
    {
        var error = Refused(Entity("""
                  firm:
                    schema: Company
                    keys: [id]
                    properties:
                      nmae: {column: name}
            """));

        Assert.Equal(9, error.Line);
        Assert.Equal("entity 'firm': Company has no property 'nmae'", error.Problem);
    }

    [Fact]
    public void a_misspelt_setting_is_refused_rather_than_its_values_lost()
    {
        var error = Refused(Entity("      firm: {schema: Company, keys: [id], properties: {name: {colum: name}}}"));

        Assert.StartsWith("'firm.name' has no setting 'colum'; the settings are column, columns,", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_key_column_missing_from_the_header_names_the_header()
    {
        var error = Refused(Entity("      firm: {schema: Company, keys: [inn], properties: {name: name}}"));

        Assert.Equal(3, error.Line);
        Assert.Equal("the mapping reads column 'inn', which 'firms.csv' does not have; its header has 'id', 'name', 'country'", error.Problem);
    }

    [Fact]
    public void an_entity_reference_to_no_mapped_entity_names_the_mapped_ones()
    {
        var error = Refused(Entity("""
                  firm: {schema: Company, keys: [id], properties: {name: name}}
                  stake:
                    schema: Ownership
                    keys: [id]
                    properties:
                      owner: {entity: parent}
            """));

        Assert.Equal(10, error.Line);
        Assert.Equal("'stake.owner' references entity 'parent', which the query does not map; the entities are firm, stake", error.Problem);
    }

    [Fact]
    public void an_entity_reference_of_the_wrong_schema_says_what_it_must_be()
    {
        var error = Refused(Entity("""
                  place: {schema: Address, keys: [id], properties: {full: name}}
                  stake: {schema: Ownership, keys: [id], properties: {owner: {entity: place}}}
            """));

        Assert.Equal("'stake.owner' must reference a LegalEntity, but 'place' is a Address", error.Problem);
    }

    [Fact]
    public void entities_that_reference_each_other_in_a_cycle_are_named()
    {
        var error = Refused(Entity("""
                  a: {schema: Company, keys: [id], properties: {name: name, parent: {entity: b}}}
                  b: {schema: Company, keys: [id], properties: {name: name, parent: {entity: a}}}
            """));

        Assert.Equal("the entities reference each other in a cycle, so none can be made first: 'a' (references b), 'b' (references a)", error.Problem);
    }

    [Fact]
    public void an_entity_without_keys_or_with_both_keys_and_id_column_is_refused()
    {
        Assert.Equal(
            "entity 'firm' has no keys; give 'keys' (the columns that make its id) or 'id_column'",
            Refused(Entity("      firm: {schema: Company, properties: {name: name}}")).Problem);
        Assert.Equal(
            "entity 'firm' has both keys and id_column; give only one",
            Refused(Entity("      firm: {schema: Company, keys: [id], id_column: id, properties: {name: name}}")).Problem);
    }

    [Fact]
    public void a_reverse_property_cannot_be_mapped()
    {
        var error = Refused(Entity("      firm: {schema: Company, keys: [id], properties: {ownershipAsset: {column: id}}}"));

        Assert.StartsWith("entity 'firm': 'ownershipAsset' is the reverse side of a link in FtM", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_date_format_on_a_property_that_is_not_a_date_or_with_an_unknown_directive_is_refused()
    {
        Assert.Equal(
            "'firm.name' has a date format, but 'name' is not a date (name)",
            Refused(Entity("      firm: {schema: Company, keys: [id], properties: {name: {column: name, format: '%Y'}}}")).Problem);
        Assert.Equal(
            "'firm.incorporationDate': date format '%d.%m.%Y %z' uses %z, which is not supported; use %Y %y %m %d %j %b %B %H %M %S %f",
            Refused(Entity("      firm: {schema: Company, keys: [id], properties: {name: name, incorporationDate: {column: id, format: '%d.%m.%Y %z'}}}")).Problem);
    }

    [Fact]
    public void a_table_that_does_not_exist_or_is_on_the_web_is_named()
    {
        Assert.StartsWith(
            "the table 'missing.csv' does not exist",
            Refused(Entity("      firm: {schema: Company, keys: [id], properties: {name: name}}", table: "missing.csv")).Problem,
            StringComparison.Ordinal);
        Assert.Equal(
            "'https://example.org/firms.csv' is a web address; EntityGraph reads local files only: download it and give its path",
            Refused(Entity("      firm: {schema: Company, keys: [id], properties: {name: name}}", table: "https://example.org/firms.csv")).Problem);
    }

    [Fact]
    public void a_mapping_that_maps_nothing_says_what_is_expected()
    {
        Assert.Equal("the file maps nothing; expected 'dataset_name: {queries: [...]}'", Refused("# nothing yet\n").Problem);
        Assert.Equal(
            "dataset 'registry' has no 'queries' (or 'query'); each query names its csv_url and its entities",
            Refused("registry:\n  querys: []\n").Problem);
    }

    [Fact]
    public void a_date_that_does_not_fit_its_format_rejects_the_row_and_the_other_rows_are_kept()
    {
        using var run = new MappingRun().Table("firms.csv", "id,name,founded\n1,Acme,15.03.2021\n2,Beta,2021-03-15\n3,Gamma,\n")
            .Run(Entity("      firm: {schema: Company, keys: [id], properties: {name: name, incorporationDate: {column: founded, format: '%d.%m.%Y'}}}"));

        Assert.Equal(["Acme", "Gamma"], run.All("firm").Select(f => f.Properties["name"][0]));
        var refused = Assert.Single(run.Refused);
        var rejected = MappingRun.Rejected(refused);
        Assert.Equal("firms.csv", rejected.GetProperty("source").GetString());
        Assert.Equal(3, rejected.GetProperty("row").GetInt32());
        Assert.Equal(["2", "Beta", "2021-03-15"], rejected.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["entity 'firm': 'incorporationDate' value '2021-03-15' does not fit the date format '%d.%m.%Y'"], refused.Reasons);
    }

    [Fact]
    public void a_value_validation_refuses_rejects_the_row_naming_the_entity()
    {
        using var run = new MappingRun().Table("customs.csv", "id,value\n1,48250.00\n2,lots\n")
            .Run(Entity("      declaration: {schema: EconomicActivity, keys: [id], properties: {customsAmount: value}}", table: "customs.csv"));

        Assert.Single(run.All("declaration"));
        var refused = Assert.Single(run.Refused);
        Assert.StartsWith("entity 'declaration': 'customsAmount' value 'lots' is not a number", refused.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ragged_rows_stray_quotes_and_bytes_that_are_not_utf8_are_rejected_with_their_reasons()
    {
        byte[] table = [.. "id,name,country\n1,Acme,DE\n2,Beta\n3,Gam\"ma,KG\n4,"u8, 0xC4, .. "kme,SE\n5,Delta,AM\n"u8];
        using var run = new MappingRun().Bytes("firms.csv", table)
            .Run(Entity("      firm: {schema: Company, keys: [id], properties: {name: name, country: country}}"));

        Assert.Equal(["Acme", "Delta"], run.All("firm").Select(f => f.Properties["name"][0]));
        Assert.Equal(
            [
                "the row has 2 fields but the header has 3",
                "a quote stands inside an unquoted field; quote the whole field and double the quotes inside it",
                "the row is not valid UTF-8 (invalid bytes are shown as \uFFFD); save the file as UTF-8",
            ],
            run.Refused.Select(r => Assert.Single(r.Reasons)));
    }
}
