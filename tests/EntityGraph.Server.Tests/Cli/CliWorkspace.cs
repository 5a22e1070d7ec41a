using EntityGraph.Server.Cli;

namespace EntityGraph.Server.Tests.Cli;

/// <summary>A fresh directory for one CLI test, with a database path inside it, removed afterwards.</summary>
public sealed class CliWorkspace : IDisposable
{
    public CliWorkspace()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "eg-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public string Database => File("db/entitygraph.db");

    public string File(string name) => Path.Combine(Root, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs the real entry point, capturing the console.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new ConsoleCapture();
        var exit = await EntityGraphCli.RunAsync(args);
        return (exit, console.Out, console.Error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp cleaner rather than failing a test that already passed.
        }
    }
}
