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
        if (options.Dataset is not null && mapping.Datasets.Count > 1)
        {
            // Each dataset is one run, and a run replaces its dataset's earlier values: one name for several would lose values.
            throw new CliFailure($"--dataset names one dataset, but {mappingPath} maps {mapping.Datasets.Count} ({string.Join(", ", mapping.Datasets.Select(d => d.Name))}); import it without --dataset");
        }

        var sources = mapping.Datasets.Select(d => new MappingSource(d, mapping.Path, options.Dataset, sign)).ToList();
        try
        {
            sources.ForEach(s => s.CheckTables());
        }
        catch (MappingException ex)
        {
            throw new CliFailure(ex.Message, ex);
        }

        await using var store = await CliIo.OpenStoreAsync(storeOption, databasePath, create: true, cancellationToken);
        var complete = true;
        foreach (var (dataset, source) in mapping.Datasets.Zip(sources))
        {
            var runOptions = options with
            {
                Dataset = source.Dataset,
                RejectsPath = RejectsPath(options.RejectsPath ?? mapping.Path + ".rejects.jsonl", mapping, dataset),
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

            await ImportCommand.PrintAsync(summary, json, CliIo.Describe(storeOption, databasePath), MappingFiles.Notes(source, summary), units: "rows");
            complete &= summary.Complete;
        }

        return complete ? 0 : ImportCommand.SomeRejected;
    }

    /// <summary>The rejects file; one per dataset when the mapping has several (<c>x.rejects.jsonl</c> → <c>x.rejects.DATASET.jsonl</c>), so that no run overwrites another's.</summary>
    private static string RejectsPath(string path, FtmMapping mapping, DatasetMapping dataset)
    {
        if (mapping.Datasets.Count == 1)
            return path;
        var extension = Path.GetExtension(path);
        return path[..^extension.Length] + "." + dataset.Name + extension;
    }
}
