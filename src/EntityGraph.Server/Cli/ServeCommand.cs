using System.CommandLine;

namespace EntityGraph.Server.Cli;

/// <summary>The <c>serve</c> command.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Not built yet.");
        command.SetAction(_ => 1);
        return command;
    }
}
