namespace EntityGraph.Ingest.Tests.Mapping;

/// <summary>
/// Ids as <c>ftm map</c> computes them: the SHA-1 hex digest of the dataset name, then key_literal, then the row's
/// non-empty key values sorted as UTF-8 bytes. Each expected id below was computed by hand with Python's hashlib from
/// that definition, e.g. <c>sha1(b"customs" + b"Acme GmbH" + b"DE")</c>.
/// </summary>
public class MappingIdTests
{
    private static string Mapping(string entity) => $"""
        customs:
          query:
            csv_url: rows.csv
            entities:
              {entity}
        """;

    [Fact]
    public void keys_are_hashed_after_the_dataset_name_in_sorted_order()
    {
        using var run = new MappingRun().Table("rows.csv", "country,name\nDE,Acme GmbH\n")
            .Run(Mapping("firm: {schema: Company, keys: [name, country], properties: {name: {column: name}}}"));

        Assert.Equal("933f3cf7b18f9e08f07385dbd274ec136fbe7216", run.Single("firm").Id);
    }

    [Fact]
    public void key_alone_is_the_same_as_a_list_of_one_key()
    {
        using var single = new MappingRun().Table("rows.csv", "inn,name\n7718123456,Radiotekhprom\n")
            .Run(Mapping("importer: {schema: Company, key: inn, properties: {name: name}}"));
        using var list = new MappingRun().Table("rows.csv", "inn,name\n7718123456,Radiotekhprom\n")
            .Run(Mapping("importer: {schema: Company, keys: [inn], properties: {name: name}}"));

        Assert.Equal(list.Single("importer").Id, single.Single("importer").Id);
    }

    [Fact]
    public void key_literal_is_hashed_between_the_dataset_name_and_the_keys()
    {
        using var run = new MappingRun().Table("rows.csv", "inn,name\n7718123456,Radiotekhprom\n")
            .Run(Mapping("importer: {schema: Company, key_literal: importer, keys: [inn], properties: {name: {column: name}}}"));

        Assert.Equal("50eae2d062ed665dc61c05d486e8bc5915820baf", run.Single("importer").Id);
    }

    [Fact]
    public void an_empty_key_is_left_out_of_the_hash()
    {
        using var run = new MappingRun().Table("rows.csv", "inn,ogrn,name\n ,1047796712345,Radiotekhprom\n")
            .Run(Mapping("importer: {schema: Company, keys: [inn, ogrn], properties: {name: {column: name}}}"));

        Assert.Equal("15dd91a61e283d93099c7abe3153769fd89e4987", run.Single("importer").Id);
    }

    [Fact]
    public void keys_sort_by_their_utf8_bytes_not_by_utf16_code_units()
    {
        // UTF-8 puts U+FF21 (EF BC A1) before U+1F600 (F0 9F 98 80); UTF-16 would put the emoji's surrogate (D83D) first,
        // giving 72ea4599aa76d7c074ba9ded222615a4abcc7786.
        using var run = new MappingRun().Table("rows.csv", "a,b\n😀,Ａ\n")
            .Run(Mapping("thing: {schema: Company, keys: [a, b], properties: {name: {column: a}}}"));

        Assert.Equal("2da1135608ff7b2686108b0bd0cb2c2337468ff7", run.Single("thing").Id);
    }

    [Fact]
    public void equal_key_values_are_each_hashed()
    {
        using var run = new MappingRun().Table("rows.csv", "a,b\nx,x\n")
            .Run(Mapping("thing: {schema: Company, keys: [a, b], properties: {name: {column: a}}}"));

        Assert.Equal("0a5b7abd5a7eef1111f8f4042c03a56b89284f16", run.Single("thing").Id);
    }

    [Fact]
    public void another_dataset_name_prefixes_the_ids_instead()
    {
        using var run = new MappingRun().Table("rows.csv", "country,name\nDE,Acme GmbH\n")
            .Run(Mapping("firm: {schema: Company, keys: [name, country], properties: {name: {column: name}}}"), dataset: "other");

        Assert.Equal("ded6aee458e0d24c6da65985ef8903cf486cf2d3", run.Single("firm").Id);
        Assert.Equal(["other"], run.Single("firm").Datasets);
    }

    [Fact]
    public void id_column_takes_the_value_as_the_id()
    {
        using var run = new MappingRun().Table("rows.csv", "id,name\n  co-de-acme ,Acme\n")
            .Run(Mapping("firm: {schema: Company, id_column: id, properties: {name: {column: name}}}"));

        Assert.Equal("co-de-acme", run.Single("firm").Id);
    }

    [Fact]
    public void a_row_whose_keys_are_all_empty_makes_no_entity_and_is_counted()
    {
        using var run = new MappingRun().Table("rows.csv", "inn,name\n7718123456,Radiotekhprom\n,Nameless\n")
            .Run(Mapping("importer: {schema: Company, keys: [inn], properties: {name: {column: name}}}"));

        Assert.Single(run.Entities);
        Assert.Empty(run.Refused);
        Assert.Equal(1, run.Source!.NotMade["importer: keys empty"]);
    }

    [Fact]
    public void running_a_mapping_again_gives_the_same_ids()
    {
        const string entity = "firm: {schema: Company, keys: [name], properties: {name: {column: name}}}";
        using var first = new MappingRun().Table("rows.csv", "name\nAcme\nBeta\n").Run(Mapping(entity));
        using var second = new MappingRun().Table("rows.csv", "name\nAcme\nBeta\n").Run(Mapping(entity));

        Assert.Equal(first.Entities.Select(e => e.Entity.Id), second.Entities.Select(e => e.Entity.Id));
    }

    [Fact]
    public void signed_ids_carry_the_hmac_of_the_id_keyed_with_the_dataset_and_references_are_signed_alike()
    {
        // hmac.new(b"customs", b"933f3cf7b18f9e08f07385dbd274ec136fbe7216", "sha1").hexdigest(), as ftm map signs by default.
        using var run = new MappingRun().Table("rows.csv", "country,name,no\nDE,Acme GmbH,1\n").Run(
            Mapping("""
                firm: {schema: Company, keys: [name, country], properties: {name: {column: name}}}
                      shipment: {schema: EconomicActivity, keys: [no], properties: {sender: {entity: firm}}}
                """),
            sign: true);

        const string signed = "933f3cf7b18f9e08f07385dbd274ec136fbe7216.1fea2a76ce6806bab7c7c4b7e7e9c8942daef3d5";
        Assert.Equal(signed, run.Single("firm").Id);
        Assert.Equal([signed], run.Single("shipment").Properties["sender"]);
    }

    [Fact]
    public void signing_an_id_column_value_replaces_what_follows_its_last_dot_as_ftm_namespaces_do()
    {
        // hmac.new(b"customs", b"co", "sha1").hexdigest()
        using var run = new MappingRun().Table("rows.csv", "id,name\nco.old-signature,Acme\n")
            .Run(Mapping("firm: {schema: Company, id_column: id, properties: {name: {column: name}}}"), sign: true);

        Assert.Equal("co.ae599b7d2fbc7825622b601bccc2ae34d6aa78f7", run.Single("firm").Id);
    }
}
