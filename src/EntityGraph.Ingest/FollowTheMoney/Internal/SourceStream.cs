using System.IO.Compression;

namespace EntityGraph.Ingest.FollowTheMoney.Internal;

/// <summary>
/// A source's content, plain or gzip — recognised by its magic bytes rather than its name, so that stdin works
/// too — with the raw bytes read counted for progress against the file size.
/// </summary>
internal sealed class SourceStream : IDisposable
{
    private readonly CountingStream _raw;

    public SourceStream(Stream raw)
    {
        _raw = new CountingStream(raw);
        var prefix = new byte[2];
        var n = 0;
        while (n < prefix.Length && _raw.Read(prefix, n, prefix.Length - n) is var read and > 0)
            n += read;
        var replay = new PrefixedStream(prefix, n, _raw);
        IsCompressed = n == 2 && prefix[0] == 0x1F && prefix[1] == 0x8B;
        Content = IsCompressed ? new GZipStream(replay, CompressionMode.Decompress) : replay;
    }

    /// <summary>The decompressed bytes.</summary>
    public Stream Content { get; }

    public bool IsCompressed { get; }

    /// <summary>Bytes of the source read so far (compressed bytes, for gzip).</summary>
    public long BytesRead => _raw.BytesRead;

    public void Dispose() => Content.Dispose();
}
