namespace EntityGraph.Ingest.Tables;

/// <summary>A table a mapping reads: a header, then rows, streamed in constant memory.</summary>
public interface ITable : IDisposable
{
    /// <summary>The file, as the mapping names it.</summary>
    string Source { get; }

    TableHeader Header { get; }

    /// <summary>Bytes of the file read so far.</summary>
    long BytesRead { get; }

    /// <summary>The file's size, when known.</summary>
    long? TotalBytes { get; }

    /// <summary>The rows after the header, in order; can be enumerated once.</summary>
    IEnumerable<TableRow> Rows();
}

/// <summary>What every table shares: its rows can be read once, in order.</summary>
public abstract class StreamedTable : ITable
{
    private bool _started;

    public abstract string Source { get; }

    public abstract TableHeader Header { get; }

    public abstract long BytesRead { get; }

    public abstract long? TotalBytes { get; }

    public IEnumerable<TableRow> Rows()
    {
        if (_started)
            throw new InvalidOperationException("The rows of a table can be read only once.");
        _started = true;
        return Read();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The rows after the header, in order.</summary>
    protected abstract IEnumerable<TableRow> Read();

    protected abstract void Dispose(bool disposing);
}

/// <summary>Opens a table by its file's kind: Excel workbooks by their <c>.xlsx</c> name, anything else as CSV (plain or gzip).</summary>
public static class Tables
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="Mapping.MappingException">The file has no header, or the sheet does not exist.</exception>
    public static ITable Open(string path, string source, string? sheet)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? XlsxTable.Open(path, source, sheet)
            : CsvTable.Open(path, source);
    }
}
