using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Tests.FollowTheMoney;

public sealed class FragmentBatchTests
{
    private static readonly ImportRun Registry = new("registry", "registry-2", new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));

    private static FtmEntity Company(string id, params string[] names) =>
        new(id, "Company", new Dictionary<string, IReadOnlyList<string>> { ["name"] = names });

    private static StoredFragment Stored(string dataset, string run, FtmEntity entity, int day) =>
        new(FtmFragments.Fragment(entity.Id, dataset, entity.Schema, entity.Properties, new DateTimeOffset(2024, 3, day, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, day, 9, 0, 0, TimeSpan.Zero)), run);

    [Fact]
    public void a_new_run_of_a_dataset_replaces_its_fragment_keeps_the_others_and_the_first_sighting()
    {
        var batch = FragmentBatch.Merge([Company("acme", "Acme AG")]);
        var stored = new[] { Stored("registry", "registry-1", Company("acme", "Acme GmbH"), 4), Stored("customs", "customs-1", Company("acme", "ACME Trading"), 5) };

        var (writes, result) = batch.Resolve(Registry, _ => stored);

        var write = Assert.Single(writes);
        Assert.Equal((1, 0), (result.Written, result.Rejected.Count));
        Assert.Equal(["customs", "registry"], write.Fragments.Select(f => f.Datasets[0]));
        Assert.Equal(["ACME Trading", "Acme AG"], write.Merged.Values("name"));
        Assert.Equal(["customs", "registry"], write.Merged.Datasets);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero), write.Fragment.FirstSeen);
        Assert.Equal(Registry.StartedAt, write.Fragment.LastSeen);
        Assert.Same(stored, write.Stored);
    }

    [Fact]
    public void properties_encoded_by_the_importer_go_with_the_fragment_only_while_its_values_are_the_ones_encoded()
    {
        var json = new FtmPropertiesJson();
        FtmEntity Encoded(string id, params string[] names)
        {
            var company = Company(id, names);
            return new FtmEntity(id, company.Schema, company.Properties) { EncodedProperties = json.Encode(company.Properties) };
        }

        var fresh = Encoded("fresh", "Fresh Trading");
        var batch = FragmentBatch.Merge([fresh, Encoded("twice", "Twice AG"), Encoded("twice", "Twice GmbH"), Encoded("again", "Again LLC")]);

        var (writes, _) = batch.Resolve(Registry, id => id == "again" ? [Stored("registry", Registry.RunId, Company("again", "Again OOO"), 6)] : null);

        Assert.Equal(["again", "fresh", "twice"], writes.Select(w => w.Fragment.Id));
        Assert.Same(fresh.EncodedProperties, writes[1].Fragment.EncodedProperties);
        // Merged with the batch's other fragment of its id, or with the run's earlier one: other values, no encoding.
        Assert.Null(writes[0].Fragment.EncodedProperties);
        Assert.Null(writes[2].Fragment.EncodedProperties);
        Assert.Equal(["Twice AG", "Twice GmbH"], writes[2].Fragment.Values("name"));
    }

    [Fact]
    public void the_encoded_properties_are_compact_json_in_the_maps_order_escaping_only_what_json_needs()
    {
        var properties = new Dictionary<string, IReadOnlyList<string>>
        {
            ["name"] = ["ООО \"Ромашка\"", "a\\b <c> & 'd'"],
            ["notes"] = ["line\nbreak\ttab"],
        };

        var text = System.Text.Encoding.UTF8.GetString(new FtmPropertiesJson().Encode(properties));

        Assert.Equal("""{"name":["ООО \"Ромашка\"","a\\b <c> & 'd'"],"notes":["line\nbreak\ttab"]}""", text);
        var read = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(text)!;
        Assert.Equal(properties["name"], read["name"]);
    }

    [Fact]
    public void another_batch_of_the_same_run_adds_to_the_fragment_it_wrote()
    {
        var batch = FragmentBatch.Merge([Company("acme", "Acme Holding")]);

        var (writes, _) = batch.Resolve(Registry, _ => [Stored("registry", Registry.RunId, Company("acme", "Acme AG"), 6)]);

        Assert.Equal(["Acme AG", "Acme Holding"], Assert.Single(writes).Merged.Values("name"));
    }

    [Fact]
    public void schemata_that_cannot_be_merged_are_refused_within_the_batch_and_against_other_datasets()
    {
        var person = new FtmEntity("acme", "Person", new Dictionary<string, IReadOnlyList<string>> { ["name"] = ["A Person"] });
        var batch = FragmentBatch.Merge([Company("beta", "Beta"), person, Company("beta", "Beta LLC"), new FtmEntity("beta", "Person", person.Properties)]);

        var (writes, result) = batch.Resolve(Registry, id => id == "acme" ? [Stored("customs", "customs-1", Company("acme", "Acme"), 4)] : null);

        Assert.Equal(["beta"], writes.Select(w => w.Fragment.Id));
        Assert.Equal(["Beta", "Beta LLC"], writes[0].Merged.Values("name"));
        Assert.Equal([(1, "acme"), (3, "beta")], result.Rejected.Select(r => (r.Index, r.Id)));
        Assert.Equal(2, result.Written);
        Assert.Contains("dataset 'customs'", result.Rejected[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void resolving_again_for_a_retried_transaction_gives_the_same_answer()
    {
        var batch = FragmentBatch.Merge([Company("acme", "Acme"), Company("acme", "Acme", "Acme AG")]);

        var first = batch.Resolve(Registry, _ => null);
        var second = batch.Resolve(Registry, _ => null);

        Assert.Equal(first.Result.Written, second.Result.Written);
        Assert.Equal(first.Writes.Single().Merged.Values("name"), second.Writes.Single().Merged.Values("name"));
        Assert.Equal(["Acme", "Acme AG"], first.Writes.Single().Merged.Values("name"));
    }

    [Fact]
    public void the_more_specific_schema_wins_and_unrelated_schemata_have_none()
    {
        Assert.Equal("Company", FtmFragments.MostSpecificSchema("LegalEntity", "Company"));
        Assert.Equal("Company", FtmFragments.MostSpecificSchema("Company", "LegalEntity"));
        Assert.Null(FtmFragments.MostSpecificSchema("Company", "Person"));
        Assert.Null(FtmFragments.MostSpecificSchema("Company", "NoSuchSchema"));
    }

    [Theory]
    [InlineData("own-1", new[] { "own-1" })]
    [InlineData("s1:sender:acme", new[] { "s1:sender:acme", "s1", "s1:sender" })]
    [InlineData("own-1:a:b", new[] { "own-1:a:b", "own-1", "own-1:a" })]
    public void a_link_id_names_the_entities_it_may_have_been_read_from(string linkId, string[] carriers)
    {
        Assert.Equal(carriers, FtmProjector.CarrierCandidates(linkId));
    }
}
