using System.CommandLine;
using System.Globalization;
using EntityGraph.Ingest.Mapping;
using EntityGraph.Server.Cli.Internal;

namespace EntityGraph.Server.Cli;

/// <summary>
/// The <c>map</c> command: runs an FtM mapping file over its tables and writes the entities as FtM JSON lines,
/// fragments of one id merged (as <c>ftm map | ftm aggregate</c>). Exit code 0 when every row was mapped, 2 when
/// some were rejected (they are in the rejects file), 1 on a fatal error such as a mistake in the mapping.
/// </summary>
internal static class MapCommand
{
    public static Command Create()
    {
        var mapping = new Argument<string>("MAPPING") { Description = "The FtM mapping file (YAML); its csv_url paths are relative to it." };
        var output = new Option<string>("--out") { Description = "Where to write the FtM JSON lines (gzip when it ends in .gz); - for standard output.", DefaultValueFactory = _ => "-" };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset name, which also prefixes the ids (default: the mapping's own)." };
        var rejects = new Option<string?>("--rejects") { Description = "Where to write rejected rows (default: MAPPING.rejects.jsonl)." };
        var sign = MappingFiles.SignOption();
        var command = new Command("map", "Run a FollowTheMoney mapping file over its CSV or Excel tables and write FtM JSON lines.");
        command.Arguments.Add(mapping);
        command.Options.Add(output);
        command.Options.Add(dataset);
        command.Options.Add(rejects);
        command.Options.Add(sign);
        command.SetAction((parse, cancellationToken) => CliIo.RunAsync("map", () => RunAsync(
            parse.GetValue(mapping)!, parse.GetValue(output)!, parse.GetValue(dataset), parse.GetValue(rejects), parse.GetValue(sign), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string mappingPath, string outputPath, string? dataset, string? rejectsPath, bool sign, CancellationToken cancellationToken)
    {
        var mapping = MappingFiles.Load(mappingPath);
        MapSummary summary;
        await using (var output = CliIo.OpenOutput(outputPath))
        {
            try
            {
                summary = await MappingWriter.WriteAsync(mapping, dataset, output, rejectsPath ?? mappingPath + ".rejects.jsonl", sign, cancellationToken);
            }
            catch (MappingException ex)
            {
                throw new CliFailure(ex.Message, ex);
            }
        }

        var written = outputPath == "-" ? "" : " in " + outputPath;
        var rejected = summary.RejectsPath is { } r ? " -> " + r : "";
        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Mapped {summary.Rows:N0} rows of {mappingPath} to {summary.Entities:N0} entities{written}; {summary.Rejected:N0} rows rejected{rejected}"));
        foreach (var note in summary.Notes)
            await Console.Error.WriteLineAsync("  " + note);
        return summary.Rejected == 0 ? 0 : ImportCommand.SomeRejected;
    }
}
