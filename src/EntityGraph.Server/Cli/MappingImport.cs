using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Mapping;
using EntityGraph.Server.Cli.Internal;

namespace EntityGraph.Server.Cli;

/// <summary><c>import --mapping</c>: each dataset of a mapping file imported as one run, rows streamed from its tables.</summary>
internal static class MappingImport
{
    public static async Task<int> RunAsync(string mappingPath, bool sign, string? storeOption, string databasePath, FtmImportOptions options, bool json, CancellationToken cancellationToken)
    {
        var mapping = MappingFiles.Load(mappingPath);
        await using var store = await CliIo.OpenStoreAsync(storeOption, databasePath, create: true, cancellationToken);
        var complete = true;
        foreach (var dataset in mapping.Datasets)
        {
            var source = new MappingSource(dataset, mapping.Path, options.Dataset, sign);
            var runOptions = options with
            {
                Dataset = source.Dataset,
                RejectsPath = options.RejectsPath ?? RejectsPath(mapping, dataset),
            };
            ImportSummary summary;
            try
            {
                summary = await ImportCommand.RunWithProgressAsync(json, display => new FtmImporter(store).ImportAsync(source, mapping.Path, runOptions, display, cancellationToken));
            }
            catch (MappingException ex)
            {
                throw new CliFailure(ex.Message, ex);
            }

            await ImportCommand.PrintAsync(summary, json, CliIo.Describe(storeOption, databasePath), MappingFiles.Notes(source), units: "rows");
            complete &= summary.Complete;
        }

        return complete ? 0 : ImportCommand.SomeRejected;
    }

    /// <summary>Beside the mapping file; one per dataset when the file has several.</summary>
    private static string RejectsPath(FtmMapping mapping, DatasetMapping dataset) =>
        mapping.Datasets.Count == 1 ? mapping.Path + ".rejects.jsonl" : $"{mapping.Path}.{dataset.Name}.rejects.jsonl";
}
