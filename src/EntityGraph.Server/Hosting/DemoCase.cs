using EntityGraph.Core.Storage;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Import;

namespace EntityGraph.Server.Hosting;

/// <summary>The bundled fictional demo case (<c>samples/demo-case.ftm.jsonl</c>), embedded so it loads from any working directory.</summary>
public static class DemoCase
{
    public const string ResourceName = "demo-case.ftm.jsonl";

    public const string Dataset = "demo-case";

    public static async Task<ImportSummary> LoadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoCase).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo case resource '{ResourceName}' is missing from the build.");
        using var reader = FtmLineReader.Open(stream);
        // Rejects go to the temp folder: the demo case is ours and should have none, and the working directory is the user's.
        var options = new FtmImportOptions { Dataset = Dataset, RejectsPath = Path.Combine(Path.GetTempPath(), "entitygraph-demo-case.rejects.jsonl") };
        return await new FtmImporter(store).ImportAsync(reader, ResourceName, options, progress: null, cancellationToken);
    }
}
