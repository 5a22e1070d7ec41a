using System.Text;

namespace EntityGraph.Ingest.FollowTheMoney;

/// <summary>One line of an FtM JSON-lines source, as read: its 1-based number and its UTF-8 bytes.</summary>
/// <param name="Number">The line number in the source, counting every line (blank ones too), from 1.</param>
/// <param name="Utf8">The line's bytes without the line break; owned by this value, not reused by the reader.</param>
public readonly record struct FtmLine(long Number, ReadOnlyMemory<byte> Utf8)
{
    /// <summary>The line as text (decoded on demand; invalid UTF-8 becomes U+FFFD).</summary>
    public string Text => Encoding.UTF8.GetString(Utf8.Span);
}
