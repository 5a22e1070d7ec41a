using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace EntityGraph.Bench;

/// <summary>Runs the entitygraph executable as a separate process and watches its peak memory and processor time.</summary>
internal sealed partial class ChildProcess : IDisposable
{
    private readonly Process _process;
    private long _peakBytes;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static ChildProcess Start(string executable, IEnumerable<string> args, bool captureOutput)
    {
        var info = new ProcessStartInfo(executable.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : executable)
        {
            RedirectStandardOutput = captureOutput,
            RedirectStandardError = captureOutput,
            UseShellExecute = false,
        };
        if (executable.EndsWith(".dll", StringComparison.Ordinal))
            info.ArgumentList.Add(executable);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}."));
    }

    /// <summary>
    /// Runs to the end, sampling peak resident memory; returns exit code, stdout, peak bytes, the wall-clock time and the
    /// processor time the process used on all its threads (user and system), which a machine shared with others
    /// disturbs less than the wall clock. Children run one at a time for the processor time to be theirs alone.
    /// </summary>
    public static async Task<(int ExitCode, string Output, long PeakBytes, TimeSpan Elapsed, TimeSpan Processor)> RunAsync(string executable, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var before = ChildrenProcessorTime();
        var stopwatch = Stopwatch.StartNew();
        using var child = Start(executable, args, captureOutput: true);
        var output = child._process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = child._process.StandardError.ReadToEndAsync(cancellationToken);
        while (!child._process.HasExited)
        {
            child.SamplePeak();
            await Task.Delay(100, cancellationToken);
        }

        await child._process.WaitForExitAsync(cancellationToken);
        var stderr = await errors;
        if (child._process.ExitCode is not 0 and not 2)
            Console.Error.WriteLine(stderr);
        var elapsed = stopwatch.Elapsed;
        return (child._process.ExitCode, await output, child._peakBytes, elapsed, ChildrenProcessorTime() - before);
    }

    /// <summary>The user and system time of every child this process has waited for (getrusage(RUSAGE_CHILDREN)); zero where there is no such call.</summary>
    private static unsafe TimeSpan ChildrenProcessorTime()
    {
        if (!OperatingSystem.IsLinux())
            return TimeSpan.Zero;
        // struct rusage on 64-bit Linux: ru_utime and ru_stime (seconds, microseconds each), then 14 longs.
        var usage = stackalloc long[18];
        if (getrusage(-1, usage) != 0)
            return TimeSpan.Zero;
        return TimeSpan.FromSeconds(usage[0] + usage[2]) + TimeSpan.FromMicroseconds(usage[1] + usage[3]);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int getrusage(int who, long* usage);

    /// <summary>Reads the kernel's high-water mark of resident memory (VmHWM) for the process.</summary>
    public long SamplePeak()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    continue;
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                _peakBytes = Math.Max(_peakBytes, kb * 1024);
            }
        }
        catch (IOException)
        {
            // The process has just exited; the last sample stands.
        }

        return _peakBytes;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
