using System.IO.Compression;
using System.Text;
using EntityGraph.Ingest.FollowTheMoney;

namespace EntityGraph.Ingest.Tests.FollowTheMoney;

public class FtmLineReaderTests
{
    private const string ThreeLines = "{\"a\":1}\r\n\n  \n{\"b\":\"ж\"}\n{\"c\":3}";

    [Fact]
    public void lines_keep_their_file_numbers_when_blank_lines_are_skipped()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.jsonl", ThreeLines);

        using var reader = FtmLineReader.Open(path);
        var lines = reader.ReadLines().Select(l => (l.Number, l.Text)).ToArray();

        Assert.Equal([(1L, "{\"a\":1}"), (4L, "{\"b\":\"ж\"}"), (5L, "{\"c\":3}")], lines);
        Assert.False(reader.IsCompressed);
        Assert.Equal(new FileInfo(path).Length, reader.TotalBytes);
        Assert.Equal(reader.TotalBytes, reader.BytesRead);
    }

    [Fact]
    public void gzip_is_recognised_by_its_magic_bytes_whatever_the_file_is_called()
    {
        using var dir = new TempDirectory();
        var path = dir.File("no-extension");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(ThreeLines));

        using var reader = FtmLineReader.Open(path);
        var lines = reader.ReadLines().Select(l => l.Text).ToArray();

        Assert.True(reader.IsCompressed);
        Assert.Equal(["{\"a\":1}", "{\"b\":\"ж\"}", "{\"c\":3}"], lines);
    }

    [Fact]
    public void a_stream_that_cannot_seek_is_read_like_stdin()
    {
        var bytes = new MemoryStream();
        using (var gzip = new GZipStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(ThreeLines));

        using var reader = FtmLineReader.Open(new OneWayStream(bytes.ToArray()));

        Assert.Equal(3, reader.ReadLines().Count());
        Assert.Null(reader.TotalBytes);
    }

    [Fact]
    public void a_byte_order_mark_and_lines_longer_than_the_buffer_are_read_whole()
    {
        using var dir = new TempDirectory();
        var longValue = new string('x', 300_000);
        var path = dir.File("bom.jsonl");
        File.WriteAllText(path, $"{{\"v\":\"{longValue}\"}}\n{{}}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        using var reader = FtmLineReader.Open(path);
        var lines = reader.ReadLines().ToArray();

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"v\":\"xxx", lines[0].Text, StringComparison.Ordinal);
        Assert.Equal(300_008, lines[0].Utf8.Length);
    }

    [Fact]
    public void a_missing_file_is_reported_by_name()
    {
        var ex = Assert.ThrowsAny<IOException>(() => FtmLineReader.Open("/nonexistent/dir/missing.jsonl"));
        Assert.Contains("missing.jsonl", ex.Message, StringComparison.Ordinal);
    }

    private sealed class OneWayStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
