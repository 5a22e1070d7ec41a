using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Rows for one table, gathered as a JSON array of arrays and handed to SQLite as one parameter,
/// so that a whole batch goes in with one statement (<c>INSERT … SELECT … FROM json_each($rows)</c>)
/// instead of one statement per row: per-statement overhead, not SQLite's B-trees, dominates bulk writes.
/// </summary>
internal sealed class Rows
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;

    public Rows()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _writer.WriteStartArray();
    }

    public int Count { get; private set; }

    public Rows Row()
    {
        if (Count++ > 0)
            _writer.WriteEndArray();
        _writer.WriteStartArray();
        return this;
    }

    public Rows Text(string? value)
    {
        if (value is null)
            _writer.WriteNullValue();
        else
            _writer.WriteStringValue(value);
        return this;
    }

    public Rows Number(long? value)
    {
        if (value is { } v)
            _writer.WriteNumberValue(v);
        else
            _writer.WriteNullValue();
        return this;
    }

    public Rows Number(double? value)
    {
        if (value is { } v && double.IsFinite(v))
            _writer.WriteNumberValue(v);
        else
            _writer.WriteNullValue();
        return this;
    }

    /// <summary>A list of strings, stored as its JSON text.</summary>
    public Rows List(IEnumerable<string> values)
    {
        _writer.WriteStartArray();
        foreach (var value in values)
            _writer.WriteStringValue(value);
        _writer.WriteEndArray();
        return this;
    }

    /// <summary>An FtM property map, stored as its JSON text.</summary>
    public Rows Properties(IReadOnlyDictionary<string, IReadOnlyList<string>> properties)
    {
        _writer.WriteStartObject();
        foreach (var (name, values) in properties)
        {
            _writer.WriteStartArray(name);
            foreach (var value in values)
                _writer.WriteStringValue(value);
            _writer.WriteEndArray();
        }

        _writer.WriteEndObject();
        return this;
    }

    public string ToJson()
    {
        if (Count > 0)
            _writer.WriteEndArray();
        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
