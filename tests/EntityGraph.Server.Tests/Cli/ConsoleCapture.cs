namespace EntityGraph.Server.Tests.Cli;

/// <summary>Captures what the CLI writes to stdout and stderr; the tests using it run one at a time.</summary>
public sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _out = Console.Out;
    private readonly TextWriter _error = Console.Error;
    private readonly StringWriter _capturedOut = new();
    private readonly StringWriter _capturedError = new();

    public ConsoleCapture()
    {
        Console.SetOut(_capturedOut);
        Console.SetError(_capturedError);
    }

    public string Out => _capturedOut.ToString();

    public string Error => _capturedError.ToString();

    public void Dispose()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }
}
