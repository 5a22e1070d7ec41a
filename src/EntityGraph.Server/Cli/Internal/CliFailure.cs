namespace EntityGraph.Server.Cli.Internal;

/// <summary>A fatal problem the user can fix, reported as one line on stderr with exit code 1, without a stack trace.</summary>
internal sealed class CliFailure(string message, Exception? inner = null) : Exception(message, inner);
