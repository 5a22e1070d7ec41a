using System.Diagnostics;
using System.Text;

namespace EntityGraph.Server.Tests.Support;

/// <summary>
/// <c>entitygraph serve</c> as a child process in a fresh working directory, as a user starts it, waited
/// for until <c>/health/live</c> answers; killed and cleaned up on dispose.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServeProcess(Process process, DirectoryInfo workingDirectory, int port)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public DirectoryInfo WorkingDirectory { get; }

    /// <summary>A client for the server on 127.0.0.1, whatever address it listens on.</summary>
    public HttpClient Client { get; }

    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>The full path of the built <c>entitygraph</c> executable, run with <c>dotnet</c>.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "entitygraph.dll");

    /// <summary>Starts <c>serve</c> with <paramref name="arguments"/>; <c>{port}</c> in them is replaced by a free port.</summary>
    public static Task<ServeProcess> StartAsync(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null) =>
        StartCommandAsync(["serve", .. arguments], environment);

    /// <summary>Starts the executable with <paramref name="arguments"/> as given (no command added), then as <see cref="StartAsync"/>.</summary>
    public static async Task<ServeProcess> StartCommandAsync(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var work = Directory.CreateTempSubdirectory("entitygraph-serve-");
        var port = FreePort();
        var start = Start(work.FullName, [.. arguments.Select(a => a.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))], environment);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var server = new ServeProcess(Process.Start(start)!, work, port);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (server._process.HasExited)
                break;
            try
            {
                using var response = await server.Client.GetAsync("/health/live", TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }

        var log = server.Log;
        await server.DisposeAsync();
        throw new InvalidOperationException("The server did not start. Log:\n" + log);
    }

    /// <summary>The start info of <c>dotnet entitygraph.dll ARGS</c> in <paramref name="workingDirectory"/>, with the short EntityGraph variables cleared and then set from <paramref name="environment"/>.</summary>
    public static ProcessStartInfo Start(string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ENTITYGRAPH", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;
        return start;
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        lock (_log)
            _log.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        WorkingDirectory.Delete(recursive: true);
    }
}
