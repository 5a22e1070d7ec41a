using System.Globalization;
using System.Text.Unicode;
using CsvHelper;
using EntityGraph.Ingest.FollowTheMoney.Internal;
using EntityGraph.Ingest.Mapping;

namespace EntityGraph.Ingest.Tables;

/// <summary>
/// A CSV file (RFC 4180, comma-separated, UTF-8 with or without a byte-order mark; plain or gzip). A row with more
/// or fewer fields than the header, a stray quote, or bytes that are not UTF-8 is still returned, with the problem
/// named, so that the import can reject it and go on.
/// </summary>
public sealed class CsvTable : StreamedTable
{
    /// <summary>The longest record read, in bytes.</summary>
    public const int MaxRecordSize = 4 << 20;

    private readonly SourceStream _stream;
    private readonly CsvReader _reader;
    private string? _malformed;

    private CsvTable(string source, SourceStream stream, long? totalBytes)
    {
        Source = source;
        _stream = stream;
        TotalBytes = totalBytes;
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            TrackLineNumbers = true,
            // A quote never closed would otherwise read the rest of the file into one record.
            MaxRecordSize = MaxRecordSize,
            SkipEmptyLines = true,
            OnMalformedRecord = record => _malformed ??= Describe(record.Reason),
        };
        _reader = CsvReader.Create(stream.Content, options, leaveOpen: true);
        if (_reader.Headers is not { Count: > 0 } names)
            throw new MappingException(source, 1, "the file is empty; a CSV source needs a header row naming its columns");
        if (names.Any(n => n.Contains('\uFFFD', StringComparison.Ordinal)))
            throw new MappingException(source, 1, "the header row is not valid UTF-8; save the file as UTF-8");
        Header = new TableHeader(names);
    }

    public override string Source { get; }

    public override TableHeader Header { get; }

    public override long BytesRead => _stream.BytesRead;

    public override long? TotalBytes { get; }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CsvTable Open(string path, string source)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            return new CsvTable(source, new SourceStream(file), file.Length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    protected override IEnumerable<TableRow> Read()
    {
        while (true)
        {
            _malformed = null;
            if (!ReadRecord())
                yield break;
            var raw = new string[_reader.FieldCount];
            var cells = new string?[raw.Length];
            var utf8 = true;
            for (var i = 0; i < raw.Length; i++)
            {
                utf8 &= Utf8.IsValid(_reader.GetSpan(i));
                raw[i] = _reader.GetString(i);
                cells[i] = SourceText.Clean(raw[i]);
            }

            yield return new TableRow(Source, _reader.LineNumber, Header, cells, raw, Problem(raw.Length, utf8));
        }
    }

    private bool ReadRecord()
    {
        try
        {
            return _reader.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new MappingException(
                Source,
                _reader.LineNumber,
                $"a record does not end within {MaxRecordSize >> 20} MiB (a quote opened here and never closed?); the file cannot be read past it: {ex.Message}",
                ex);
        }
    }

    private string? Problem(int fields, bool utf8)
    {
        if (_malformed is not null)
            return _malformed;
        if (!utf8)
            return "the row is not valid UTF-8 (invalid bytes are shown as \uFFFD); save the file as UTF-8";
        if (fields != Header.Count)
            return string.Create(CultureInfo.InvariantCulture, $"the row has {fields} fields but the header has {Header.Count}");
        return null;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote stands inside an unquoted field; quote the whole field and double the quotes inside it",
        CsvMalformedReason.TextAfterClosingQuote => "text follows a closing quote; quote the whole field and double the quotes inside it",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed; the rest of the file was read as part of it",
        _ => $"the row is malformed ({reason})",
    };

    protected override void Dispose(bool disposing)
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
