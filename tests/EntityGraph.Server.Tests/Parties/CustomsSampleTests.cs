using EntityGraph.Core.Storage;
using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Mapping;
using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EntityGraph.Server.Tests.Parties;

/// <summary>The README's worked example: the sample customs table imported beside the demo case.</summary>
public sealed class CustomsSampleTests
{
    [Fact]
    public async Task the_sample_customs_records_imported_beside_the_demo_case_are_found_next_to_the_demo_parties()
    {
        await using var server = await EntityGraphTestServer.StartAsync(settings: new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:LoadDemoCase"] = "true" });
        var mapping = FtmMapping.Load(Path.Combine(Repository.Root, "samples", "customs", "ru-imports-2023.yml"));
        using var rejects = TempDatabase.Create("customs-rejects");
        var store = server.Services.GetRequiredService<IGraphStore>();

        var summary = await new FtmImporter(store).ImportAsync(
            new MappingSource(mapping.Datasets[0], mapping.Path), mapping.Path, new FtmImportOptions { Dataset = "ru_customs_2023", RejectsPath = rejects.Path }, null, TestContext.Current.CancellationToken);
        var data = await server.QueryAsync("""{ search(text: "Radiotekhprom") { edges { node { id name datasets } } } }""");

        Assert.Equal(0, summary.Rejected);
        var found = data["search"]!["edges"]!.AsArray().Select(e => (e!["node"]!["name"]!.GetValue<string>(), e["node"]!["datasets"]![0]!.GetValue<string>())).ToArray();
        Assert.Contains(("АО «Радиотехпром»", "demo-case"), found);
        Assert.Contains(("АО \"РАДИОТЕХПРОМ\"", "ru_customs_2023"), found);
    }
}
