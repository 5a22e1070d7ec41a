using System.CommandLine;
using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Mapping;

namespace EntityGraph.Server.Cli.Internal;

/// <summary>Loads a mapping file for the map and import commands, or fails with its own words.</summary>
internal static class MappingFiles
{
    public static FtmMapping Load(string path)
    {
        try
        {
            return FtmMapping.Load(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliFailure($"mapping file '{path}' does not exist", ex);
        }
        catch (MappingException ex)
        {
            throw new CliFailure(ex.Message, ex);
        }
    }

    /// <summary><c>--sign</c>: ids as <c>ftm map</c> writes them by default and Aleph stores them, <c>id.signature</c>.</summary>
    public static Option<bool> SignOption() =>
        new("--sign") { Description = "Sign ids with the dataset name (id.hmac), as ftm map does unless --no-sign and as Aleph stores them. Default: plain ids, as ftm map --no-sign." };

    /// <summary>What the rows did not make, for the summary: "importer: keys empty in 3 rows".</summary>
    public static IReadOnlyList<string> Notes(MappingSource source, ImportSummary summary) =>
    [
        .. source.Filtered > 0 ? [$"filtered out, rows: {source.Filtered:N0}"] : Array.Empty<string>(),
        .. summary.Repeated > 0 ? [$"sent once, entities a row gave exactly as an earlier row did: {summary.Repeated:N0}"] : Array.Empty<string>(),
        .. source.NotMade.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"not made, {p.Key}, rows: {p.Value:N0}"),
    ];
}
