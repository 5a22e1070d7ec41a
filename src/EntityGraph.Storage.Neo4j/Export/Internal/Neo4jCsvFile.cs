using System.Globalization;
using CsvHelper;

namespace EntityGraph.Storage.Neo4j.Export.Internal;

/// <summary>
/// One CSV file of the export (UTF-8, no byte order mark): a header line, then one row per node or
/// relationship. Fields are quoted as RFC 4180 says (quotes doubled) whenever they hold a comma, a
/// quote, a line break or leading or trailing whitespace; list elements are joined with the array
/// delimiter, which they must not contain.
/// </summary>
internal sealed class Neo4jCsvFile : IAsyncDisposable
{
    // RFC 4180, with fields that start or end with whitespace quoted too, so no reader trims them.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ',',
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        NewLine = "\n",
        WriteByteOrderMark = false,
    };

    private readonly CsvWriter _csv;
    private bool _disposed;

    private Neo4jCsvFile(string name, CsvWriter csv, bool isNodes)
    {
        Name = name;
        IsNodes = isNodes;
        _csv = csv;
    }

    public string Name { get; }

    public bool IsNodes { get; }

    public long Rows { get; private set; }

    public static Neo4jCsvFile Create(string path, string name, IEnumerable<string> headers, bool isNodes)
    {
        var csv = CsvWriter.ToFile(path, Options);
        foreach (var header in headers)
            csv.WriteField(header);
        csv.EndRecord();
        return new Neo4jCsvFile(name, csv, isNodes);
    }

    public async Task WriteAsync<TRow>(IReadOnlyList<Neo4jCsvColumn<TRow>> columns, TRow row, string id, string arrayDelimiter, CancellationToken cancellationToken)
    {
        foreach (var column in columns)
            _csv.WriteField(Format(column.Value(row), column.Header, id, arrayDelimiter));
        await _csv.EndRecordAsync(cancellationToken);
        Rows++;
    }

    /// <summary>A value as neo4j-admin reads it for its column type; null and empty become an empty field (no property).</summary>
    private static string Format(object? value, string header, string id, string arrayDelimiter) => value switch
    {
        null => string.Empty,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IEnumerable<string> list => Join(list, header, id, arrayDelimiter),
        _ => throw new InvalidOperationException($"The neo4j-csv export cannot write a {value.GetType().Name} in column {header}."),
    };

    private static string Join(IEnumerable<string> values, string header, string id, string arrayDelimiter)
    {
        foreach (var value in values)
        {
            if (value.Contains(arrayDelimiter, StringComparison.Ordinal))
                throw new Neo4jCsvExportException(id, header.Split(':')[0], value, arrayDelimiter[0]);
        }

        return string.Join(arrayDelimiter, values);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await _csv.DisposeAsync();
    }
}
