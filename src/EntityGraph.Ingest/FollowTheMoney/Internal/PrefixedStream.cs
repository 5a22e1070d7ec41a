namespace EntityGraph.Ingest.FollowTheMoney.Internal;

/// <summary>
/// A read-only stream that first replays bytes already taken from <c>inner</c>, so that the gzip magic
/// number can be sniffed on stdin, which cannot seek back.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : ForwardOnlyStream(inner)
{
    private int _prefixPosition;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _prefixPosition);
            prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }

        return Inner.Read(buffer);
    }
}
