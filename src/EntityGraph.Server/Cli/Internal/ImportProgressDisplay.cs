using System.Globalization;
using EntityGraph.Ingest.Import;
using Spectre.Console;

namespace EntityGraph.Server.Cli.Internal;

/// <summary>
/// Shows an import's progress: a Spectre.Console bar on an interactive terminal, otherwise a plain
/// line every two seconds (to stderr when stdout carries the JSON summary), so logs stay readable.
/// </summary>
internal sealed class ImportProgressDisplay : IProgress<ImportProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private ImportProgress? _latest;

    public void Report(ImportProgress value) => Volatile.Write(ref _latest, value);

    public async Task<T> RunAsync<T>(bool interactive, TextWriter plainOutput, Func<Task<T>> import)
    {
        if (!interactive)
            return await RunPlainAsync(plainOutput, import);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("importing", maxValue: 1.0);
                var work = import();
                while (await Task.WhenAny(work, Task.Delay(200)) != work)
                {
                    if (Volatile.Read(ref _latest) is { } progress)
                    {
                        task.Description = Describe(progress);
                        task.IsIndeterminate = progress.Fraction is null;
                        task.Value = progress.Fraction ?? 0;
                    }
                }

                task.Value = 1.0;
                return await work;
            });
    }

    private async Task<T> RunPlainAsync<T>(TextWriter output, Func<Task<T>> import)
    {
        var work = import();
        while (await Task.WhenAny(work, Task.Delay(Interval)) != work)
        {
            if (Volatile.Read(ref _latest) is { } progress)
                await output.WriteLineAsync(Describe(progress));
        }

        return await work;
    }

    private static string Describe(ImportProgress progress)
    {
        var share = progress.Fraction is { } fraction ? string.Create(CultureInfo.InvariantCulture, $" ({fraction:P0})") : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"read {progress.LinesRead:N0} lines{share}, accepted {progress.Accepted:N0}, rejected {progress.Rejected:N0}, {progress.EntitiesPerSecond:N0} entities/s");
    }
}
