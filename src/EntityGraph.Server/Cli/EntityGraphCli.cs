using System.CommandLine;

namespace EntityGraph.Server.Cli;

/// <summary>The <c>entitygraph</c> command line: <c>serve</c> (the default), <c>import</c>, <c>export</c>, <c>generate</c>.</summary>
public static class EntityGraphCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("EntityGraph: trace how controlled goods reach restricted end users, and who owns and controls whom.");
        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());

        // No subcommand means serve, with serve's defaults.
        var parse = args.Length == 0 ? root.Parse(["serve"]) : root.Parse(args);
        return parse.InvokeAsync();
    }
}
