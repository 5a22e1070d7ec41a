using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Server.Cli.Internal;

namespace EntityGraph.Server.Cli;

/// <summary>
/// The <c>export</c> command: writes every entity of the database as FtM JSON lines, ordered by id,
/// to a file (gzip when it ends in <c>.gz</c>) or stdout. Progress goes to stderr so stdout can carry the data.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "The output format.", DefaultValueFactory = _ => "ftm" };
        format.AcceptOnlyFromAmong("ftm");
        var database = new Option<string>("--db") { Description = "The database file.", DefaultValueFactory = _ => CliIo.DefaultDatabase };
        var output = new Option<string>("--out") { Description = "Where to write; - for standard output.", DefaultValueFactory = _ => "-" };

        var command = new Command("export", "Export every entity as FollowTheMoney JSON lines.");
        command.Options.Add(format);
        command.Options.Add(database);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => CliIo.RunAsync("export", () => RunAsync(parse.GetValue(database)!, parse.GetValue(output)!, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string databasePath, string outputPath, CancellationToken cancellationToken)
    {
        await using var store = await CliIo.OpenStoreAsync(databasePath, create: false, cancellationToken);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        await using var output = CliIo.OpenOutput(outputPath);
        await using (var writer = new FtmLineWriter(output, leaveOpen: true))
        {
            await foreach (var entity in store.ExportAsync(cancellationToken))
            {
                await writer.WriteAsync(entity, cancellationToken);
                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(2))
                {
                    lastReport = clock.Elapsed;
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"exported {writer.Count:N0} entities"));
                }
            }

            await writer.FlushAsync(cancellationToken);
            await Console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Exported {writer.Count:N0} entities from {databasePath} to {(outputPath == "-" ? "stdout" : outputPath)} in {clock.Elapsed.TotalSeconds:N1} s"));
        }

        return 0;
    }
}
