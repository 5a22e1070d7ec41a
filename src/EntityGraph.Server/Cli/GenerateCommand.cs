using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Synthetic;
using EntityGraph.Server.Cli.Internal;

namespace EntityGraph.Server.Cli;

/// <summary>
/// The <c>generate</c> command: writes a synthetic transshipment case as FtM JSON lines. P parties and M
/// shipments give 5P/3 + M entities (see <see cref="SyntheticDataPlan"/>); the same seed gives the same bytes. Progress goes to stderr so stdout can carry the data.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var defaults = new SyntheticDataOptions();
        var output = new Option<string>("--out") { Description = "Where to write (gzip when it ends in .gz); - for standard output.", Required = true };
        var parties = new Option<int>("--parties") { Description = "Parties: two thirds companies, one third persons. Addresses, ownerships, directorships and sanctions come besides, 2/3 as many again (--parties 3000 makes 5,000 entities and the shipments).", DefaultValueFactory = _ => defaults.Parties };
        var shipments = new Option<int>("--shipments") { Description = "Shipments (EconomicActivity entities).", DefaultValueFactory = _ => defaults.Shipments };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same file.", DefaultValueFactory = _ => defaults.Seed };
        var customs = new Option<long?>("--customs") { Description = "Instead of FtM JSON lines, write a customs table of this many declaration rows as CSV to --out (gzip when it ends in .gz), and its FtM mapping beside it (FILE.yml)." };

        var command = new Command("generate", "Generate a synthetic export-control case as FollowTheMoney JSON lines.");
        command.Options.Add(output);
        command.Options.Add(parties);
        command.Options.Add(shipments);
        command.Options.Add(seed);
        command.Options.Add(customs);
        command.SetAction((parse, cancellationToken) => CliIo.RunAsync("generate", () => parse.GetValue(customs) is { } rows
            ? CustomsAsync(parse.GetValue(output)!, rows, parse.GetValue(seed), cancellationToken)
            : RunAsync(
            parse.GetValue(output)!,
            new SyntheticDataOptions { Parties = parse.GetValue(parties), Shipments = parse.GetValue(shipments), Seed = parse.GetValue(seed) },
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string outputPath, SyntheticDataOptions options, CancellationToken cancellationToken)
    {
        if (options.Parties < SyntheticDataPlan.MinimumParties)
            throw new CliFailure($"--parties must be at least {SyntheticDataPlan.MinimumParties}, not {options.Parties}");
        if (options.Shipments < 0)
            throw new CliFailure($"--shipments must not be negative, not {options.Shipments}");
        var generator = new SyntheticFtmGenerator(options);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var progress = new Progress<long>(count =>
        {
            if (clock.Elapsed - lastReport < TimeSpan.FromSeconds(2))
                return;
            lastReport = clock.Elapsed;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count:N0} of {generator.Plan.Total:N0} entities"));
        });
        long written;
        await using (var output = CliIo.OpenOutput(outputPath))
            written = await generator.WriteAsync(output, progress, cancellationToken);
        var plan = generator.Plan;
        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Generated {written:N0} entities (seed {options.Seed}) to {(outputPath == "-" ? "stdout" : outputPath)} in {clock.Elapsed.TotalSeconds:N1} s: "
            + $"{plan.Companies:N0} companies ({plan.Exporters:N0} exporters, {plan.Intermediaries:N0} intermediaries, {plan.EndUsers:N0} end users), "
            + $"{plan.Persons:N0} persons, {plan.Addresses:N0} addresses, {plan.Ownerships:N0} ownerships, {plan.Directorships:N0} directorships, "
            + $"{plan.Sanctions:N0} sanctions, {plan.Shipments:N0} shipments"));
        return 0;
    }

    /// <summary>Writes a synthetic customs CSV and, beside it, the mapping that reads it.</summary>
    private static async Task<int> CustomsAsync(string outputPath, long rows, int seed, CancellationToken cancellationToken)
    {
        if (rows < 0)
            throw new CliFailure($"--customs must not be negative, not {rows}");
        if (outputPath == "-")
            throw new CliFailure("--customs writes a file and its mapping beside it; give --out FILE.csv");
        var table = new SyntheticCustomsTable(rows, seed);
        var clock = Stopwatch.StartNew();
        var progress = new Progress<long>(count => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count:N0} of {rows:N0} rows")));
        await using (var output = CliIo.OpenOutput(outputPath))
            await table.WriteAsync(output, progress, cancellationToken);
        var name = Path.GetFileName(outputPath);
        var stem = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        stem = stem.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? stem[..^4] : stem;
        var mappingPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, stem + ".yml");
        await File.WriteAllTextAsync(mappingPath, SyntheticCustomsTable.Mapping(name, DatasetName.FromPath(stem)), cancellationToken);
        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Generated {rows:N0} declaration rows (seed {seed}, {table.Exporters:N0} exporters, {table.Importers:N0} importers) to {outputPath} in {clock.Elapsed.TotalSeconds:N1} s; its mapping is {mappingPath}"));
        return 0;
    }
}
