using System.Text.Encodings.Web;
using System.Text.Json;

namespace EntityGraph.Ingest.Import.Internal;

/// <summary>
/// The rejects file: one JSON object per refused unit — <c>{"line": N, "reasons": [...], "original": "..."}</c> for an
/// FtM line, <c>{"source": "file.csv", "row": N, "entity": "…", "reasons": [...], "fields": [...]}</c> for a table row —
/// created on the first refusal so that a clean import leaves no file behind.
/// </summary>
internal sealed class RejectsFile(string path) : IAsyncDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private FileStream? _stream;
    private Utf8JsonWriter? _json;

    public string Path { get; } = path;

    public bool Created => _stream is not null;

    public async Task WriteAsync(IEnumerable<RejectedLine> lines, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            if (_stream is null)
            {
                if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { Length: > 0 } directory)
                    Directory.CreateDirectory(directory);
                _stream = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
                _json = new Utf8JsonWriter(_stream, Options);
            }

            _json!.Reset(_stream);
            _json.WriteStartObject();
            line.Origin.WriteLocation(_json);
            if (line.Entity is not null)
                _json.WriteString("entity"u8, line.Entity);
            _json.WriteStartArray("reasons"u8);
            foreach (var reason in line.Reasons)
                _json.WriteStringValue(reason);
            _json.WriteEndArray();
            line.Origin.WriteOriginal(_json);
            _json.WriteEndObject();
            await _json.FlushAsync(cancellationToken);
            _stream.WriteByte((byte)'\n');
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_json is not null)
            await _json.DisposeAsync();
        if (_stream is not null)
            await _stream.DisposeAsync();
    }
}
