namespace EntityGraph.Server.Tests.Cli;

/// <summary>Tests that redirect the process-wide console must not overlap with each other or anything else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
