using System.Buffers;
using System.Text;
using System.Text.Json;
using EntityGraph.Core.FollowTheMoney;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// The JSON the store keeps in text columns: FtM property maps and string lists. Written with
/// <see cref="Utf8JsonWriter"/> into one reused buffer, because the import path writes millions.
/// </summary>
internal sealed class Json
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly FtmPropertiesJson _properties = new();
    private readonly Utf8JsonWriter _writer;

    public Json() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

    /// <summary>A property map as the UTF-8 text a column stores, which the writer binds as it is.</summary>
    public byte[] Properties(IReadOnlyDictionary<string, IReadOnlyList<string>> properties) => _properties.Encode(properties);

    public string List(IEnumerable<string> values)
    {
        Reset();
        _writer.WriteStartArray();
        foreach (var value in values)
            _writer.WriteStringValue(value);
        _writer.WriteEndArray();
        return Finish();
    }

    /// <summary>A list as the UTF-8 text a column stores, which the writer binds as it is.</summary>
    public byte[] Utf8List(IReadOnlyList<string> values)
    {
        Reset();
        _writer.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
            _writer.WriteStringValue(values[i]);
        _writer.WriteEndArray();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public string Numbers(IEnumerable<long> values)
    {
        Reset();
        _writer.WriteStartArray();
        foreach (var value in values)
            _writer.WriteNumberValue(value);
        _writer.WriteEndArray();
        return Finish();
    }

    public static Dictionary<string, IReadOnlyList<string>> ReadProperties(string json)
    {
        var properties = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            properties[name] = ReadArray(ref reader);
        }

        return properties;
    }

    public static IReadOnlyList<string> ReadList(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return ReadArray(ref reader);
    }

    private static string[] ReadArray(ref Utf8JsonReader reader)
    {
        var values = new List<string>(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
            values.Add(reader.GetString()!);
        return [.. values];
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private string Finish()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
