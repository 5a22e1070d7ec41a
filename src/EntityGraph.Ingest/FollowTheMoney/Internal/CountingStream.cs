namespace EntityGraph.Ingest.FollowTheMoney.Internal;

/// <summary>Counts the bytes read from the raw source (compressed bytes for gzip), for progress against the file size.</summary>
internal sealed class CountingStream(Stream inner) : ForwardOnlyStream(inner)
{
    private long _bytesRead;

    public long BytesRead => Volatile.Read(ref _bytesRead);

    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        Volatile.Write(ref _bytesRead, _bytesRead + n);
        return n;
    }
}
