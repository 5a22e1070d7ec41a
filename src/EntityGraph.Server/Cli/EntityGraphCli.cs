using System.CommandLine;

namespace EntityGraph.Server.Cli;

/// <summary>The <c>entitygraph</c> command line: <c>serve</c> (the default), <c>import</c>, <c>map</c>, <c>export</c>, <c>generate</c>.</summary>
public static class EntityGraphCli
{
    /// <summary>Runs the command <paramref name="args"/> name; no command, or options alone (<c>--urls URL</c>), mean <c>serve</c>.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("EntityGraph: trace how controlled goods reach restricted end users, and who owns and controls whom. "
            + "Without a command, or with options alone (e.g. --urls URL), it serves.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(MapCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        return root.Parse(ServesByDefault(root, args) ? [ServeCommand.Name, .. args] : args).InvokeAsync();
    }

    /// <summary>
    /// True when <paramref name="args"/> name no command: they are empty or start with an option that is not
    /// the root's own (<c>--help</c>, <c>--version</c>). An unknown option then fails as serve's, naming it.
    /// </summary>
    private static bool ServesByDefault(RootCommand root, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
            return true;
        var first = args[0];
        if (!first.StartsWith('-') || first == "-")
            return false;
        var name = first.Split('=', 2)[0];
        return !root.Options.Any(o => o.Name == name || o.Aliases.Contains(name));
    }
}
