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

    /// <summary>What the rows did not make, for the summary: "importer: keys empty in 3 rows".</summary>
    public static IReadOnlyList<string> Notes(MappingSource source) =>
    [
        .. source.Filtered > 0 ? [$"filtered out: {source.Filtered:N0} rows"] : Array.Empty<string>(),
        .. source.Repeated > 0 ? [$"repeated: {source.Repeated:N0} entities that a row gave exactly as an earlier row did were sent once"] : Array.Empty<string>(),
        .. source.NotMade.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"not made: {p.Key} in {p.Value:N0} rows"),
    ];
}
