using EntityGraph.Ingest.FollowTheMoney.Internal;

namespace EntityGraph.Ingest.FollowTheMoney;

/// <summary>
/// Streams the lines of an FtM JSON-lines source — a file, or stdin for <c>-</c>; plain or gzip,
/// recognised by its magic bytes rather than its name — in constant memory (one buffer, as long as
/// the longest line). Blank lines are skipped but counted, so line numbers match the file.
/// </summary>
public sealed class FtmLineReader : IDisposable
{
    /// <summary>The path that means standard input.</summary>
    public const string StandardInput = "-";

    private const int InitialBufferSize = 1 << 16;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Blank => " \t\r"u8;

    private readonly SourceStream _source;
    private bool _started;

    private FtmLineReader(Stream raw, long? totalBytes)
    {
        _source = new SourceStream(raw);
        TotalBytes = totalBytes;
    }

    /// <summary>Whether the source is gzip-compressed.</summary>
    public bool IsCompressed => _source.IsCompressed;

    /// <summary>How many bytes of the source (compressed bytes, for gzip) have been read so far.</summary>
    public long BytesRead => _source.BytesRead;

    /// <summary>The size of the source in bytes, when it is known (a file, not stdin).</summary>
    public long? TotalBytes { get; }

    /// <summary>Opens a file, or standard input when <paramref name="path"/> is <c>-</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static FtmLineReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == StandardInput)
            return new FtmLineReader(Console.OpenStandardInput(), null);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return new FtmLineReader(file, file.Length);
    }

    /// <summary>Reads from a stream, which the reader then owns and disposes.</summary>
    /// <param name="stream">The source, plain or gzip.</param>
    /// <param name="totalBytes">Its size, when known, for progress.</param>
    public static FtmLineReader Open(Stream stream, long? totalBytes = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new FtmLineReader(stream, totalBytes);
    }

    /// <summary>The non-blank lines, in order. Can be enumerated once.</summary>
    public IEnumerable<FtmLine> ReadLines()
    {
        if (_started)
            throw new InvalidOperationException("The lines of a source can be read only once.");
        _started = true;
        return Lines();
    }

    private IEnumerable<FtmLine> Lines()
    {
        var buffer = new byte[InitialBufferSize];
        int start = 0, end = 0;
        long number = 0;
        var eof = false;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0 || (eof && end > start))
            {
                var length = newline >= 0 ? newline : end - start;
                var line = buffer.AsSpan(start, length);
                start += newline >= 0 ? newline + 1 : length;
                number++;
                if (number == 1 && line.StartsWith(Utf8Bom))
                    line = line[Utf8Bom.Length..];
                if (line.Length > 0 && line[^1] == (byte)'\r')
                    line = line[..^1];
                if (line.IndexOfAnyExcept(Blank) >= 0)
                    yield return new FtmLine(number, line.ToArray());
                continue;
            }

            if (eof)
                yield break;
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            var read = _source.Content.Read(buffer, end, buffer.Length - end);
            if (read == 0)
                eof = true;
            end += read;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();
}
