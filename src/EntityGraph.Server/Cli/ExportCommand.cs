using System.CommandLine;

namespace EntityGraph.Server.Cli;

/// <summary>The <c>export</c> command.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Not built yet.");
        command.SetAction(_ => 1);
        return command;
    }
}
