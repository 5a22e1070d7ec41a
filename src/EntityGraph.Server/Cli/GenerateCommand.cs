using System.CommandLine;

namespace EntityGraph.Server.Cli;

/// <summary>The <c>generate</c> command.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Not built yet.");
        command.SetAction(_ => 1);
        return command;
    }
}
