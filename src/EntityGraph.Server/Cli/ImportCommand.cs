using System.CommandLine;

namespace EntityGraph.Server.Cli;

/// <summary>The <c>import</c> command.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Not built yet.");
        command.SetAction(_ => 1);
        return command;
    }
}
