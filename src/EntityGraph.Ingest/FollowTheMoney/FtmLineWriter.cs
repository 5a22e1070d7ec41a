using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EntityGraph.Core.Model;

namespace EntityGraph.Ingest.FollowTheMoney;

/// <summary>
/// Writes entities as FtM JSON lines: <c>{"id","schema","properties","datasets","first_seen","last_seen"}</c>,
/// properties sorted by name and values in stored order, so the same entities always give the same
/// bytes. Text is written as UTF-8, not escaped, as FtM's own tools do.
/// </summary>
public sealed class FtmLineWriter : IAsyncDisposable
{
    private const int FlushThreshold = 1 << 16;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;

    /// <summary>A writer over a stream.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="output"/> open when the writer is disposed.</param>
    public FtmLineWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>How many entities have been written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one entity as one line; flushes to the stream in large chunks.</summary>
    public ValueTask WriteAsync(FtmEntity entity, CancellationToken cancellationToken)
    {
        Append(entity);
        return _buffer.WrittenCount >= FlushThreshold ? FlushBufferAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Writes one entity as one line (buffered; call <see cref="FlushAsync"/> or dispose to finish).</summary>
    public void Write(FtmEntity entity)
    {
        Append(entity);
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            _output.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    private void Append(FtmEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("id"u8, entity.Id);
        _json.WriteString("schema"u8, entity.Schema);
        _json.WriteStartObject("properties"u8);
        var names = entity.Properties.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            _json.WriteStartArray(name);
            foreach (var value in entity.Properties[name])
                _json.WriteStringValue(value);
            _json.WriteEndArray();
        }

        _json.WriteEndObject();
        if (entity.Datasets.Count > 0)
        {
            _json.WriteStartArray("datasets"u8);
            foreach (var dataset in entity.Datasets)
                _json.WriteStringValue(dataset);
            _json.WriteEndArray();
        }

        if (entity.FirstSeen is { } firstSeen)
            _json.WriteString("first_seen"u8, Timestamp(firstSeen));
        if (entity.LastSeen is { } lastSeen)
            _json.WriteString("last_seen"u8, Timestamp(lastSeen));
        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
        Count++;
    }

    /// <summary>Writes every entity of a stream, in order.</summary>
    public async Task WriteAllAsync(IAsyncEnumerable<FtmEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        await foreach (var entity in entities.WithCancellation(cancellationToken))
            await WriteAsync(entity, cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes what is buffered to the stream and flushes it.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await FlushBufferAsync(cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None);
        await _json.DisposeAsync();
        if (!_leaveOpen)
            await _output.DisposeAsync();
    }

    /// <summary>FtM's timestamp form: UTC, to the second, without an offset.</summary>
    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private async ValueTask FlushBufferAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0)
            return;
        await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        _buffer.ResetWrittenCount();
    }
}
