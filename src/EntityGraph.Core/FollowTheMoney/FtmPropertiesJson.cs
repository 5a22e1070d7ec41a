using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>
/// An entity's property map as compact UTF-8 JSON, <c>{"name":["…"],…}</c> in the map's order, escaping only what JSON
/// requires: the form the SQLite store keeps. An importer encodes an entity on the thread that read its values, where
/// they are still in the processor's cache, and hands the bytes on with it (<see cref="Model.FtmEntity.EncodedProperties"/>).
/// An instance reuses its buffer: one per thread.
/// </summary>
public sealed class FtmPropertiesJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The most property names kept encoded, so that a source with endless made-up names cannot fill memory.</summary>
    private const int MostNames = 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Dictionary<string, JsonEncodedText> _names = new(StringComparer.Ordinal);
    private readonly Utf8JsonWriter _writer;

    public FtmPropertiesJson() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

    public byte[] Encode(IReadOnlyDictionary<string, IReadOnlyList<string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        foreach (var (name, values) in properties)
        {
            _writer.WriteStartArray(EncodedName(name));
            for (var i = 0; i < values.Count; i++)
                _writer.WriteStringValue(values[i]);
            _writer.WriteEndArray();
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>A property name as JSON, encoded once per instance: there are a few hundred FtM properties, and millions of values.</summary>
    private JsonEncodedText EncodedName(string name)
    {
        if (!_names.TryGetValue(name, out var encoded))
        {
            encoded = JsonEncodedText.Encode(name, WriterOptions.Encoder);
            if (_names.Count < MostNames)
                _names[name] = encoded;
        }

        return encoded;
    }
}
