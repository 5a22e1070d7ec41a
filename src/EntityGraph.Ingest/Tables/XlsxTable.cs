using System.Globalization;
using EntityGraph.Ingest.Mapping;
using ExcelDataReader;

namespace EntityGraph.Ingest.Tables;

/// <summary>
/// One sheet of an Excel workbook (<c>.xlsx</c>): the first, or the one a query names with <c>sheet:</c>. Its first
/// row names the columns. Cells are read as text the way a person reads them: dates as ISO dates (with the time when
/// it is not midnight), whole numbers without decimals (an INN stays <c>7718123456</c>), other numbers as written,
/// booleans as <c>true</c>/<c>false</c>. Rows are streamed, so a large sheet is read in constant memory.
/// </summary>
internal sealed class XlsxTable : StreamedTable
{
    private readonly FileStream _file;
    private readonly IExcelDataReader _reader;

    // The reader decodes parts of a workbook with Windows code pages, which .NET provides only on request.
    static XlsxTable() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private XlsxTable(string source, FileStream file, IExcelDataReader reader, TableHeader header)
    {
        Source = source;
        _file = file;
        _reader = reader;
        Header = header;
        TotalBytes = file.Length;
    }

    public override string Source { get; }

    public override TableHeader Header { get; }

    /// <summary>A workbook is a zip read as a whole, so progress is counted as its size once opened.</summary>
    public override long BytesRead => TotalBytes ?? 0;

    public override long? TotalBytes { get; }

    public static ITable Open(string path, string source, string? sheet)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        IExcelDataReader? reader = null;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(file, new ExcelReaderConfiguration { LeaveOpen = true });
            var sheets = new List<string>();
            while (sheet is not null && reader.Name != sheet)
            {
                sheets.Add(reader.Name);
                if (!reader.NextResult())
                    throw new MappingException(source, 0, $"the workbook has no sheet '{sheet}'; its sheets are {string.Join(", ", sheets.Select(s => $"'{s}'"))}");
            }

            if (!reader.Read())
                throw new MappingException(source, 1, $"sheet '{reader.Name}' is empty; its first row must name the columns");
            var header = new TableHeader([.. Cells(reader).Select(c => c ?? "")]);
            return new XlsxTable(source, file, reader, header);
        }
        catch (Exception ex)
        {
            reader?.Dispose();
            file.Dispose();
            if (ex is MappingException)
                throw;
            throw new MappingException(source, 0, $"the file cannot be read as an Excel workbook (.xlsx): {ex.Message}", ex);
        }
    }

    protected override IEnumerable<TableRow> Read()
    {
        while (_reader.Read())
        {
            var raw = Cells(_reader);
            if (raw.All(c => c is null))
                continue;
            // Trailing empty cells beyond the header are formatting, not a ragged row.
            var length = raw.Length;
            while (length > Header.Count && raw[length - 1] is null)
                length--;
            var fields = raw[..length].Select(c => c ?? "").ToArray();
            var problem = length > Header.Count
                ? string.Create(CultureInfo.InvariantCulture, $"the row has {length} cells but the header has {Header.Count}")
                : Unnamed(raw);
            yield return new TableRow(Source, _reader.Depth + 1, Header, [.. fields.Select(SourceText.Clean)], fields, problem);
        }
    }

    /// <summary>A value under a column the header leaves unnamed could never be mapped, so the row says so rather than lose it.</summary>
    private string? Unnamed(string?[] cells)
    {
        for (var i = 0; i < cells.Length && i < Header.Count; i++)
        {
            if (cells[i] is not null && Header.Names[i].Length == 0)
                return string.Create(CultureInfo.InvariantCulture, $"column {i + 1} holds '{cells[i]}', but the header row leaves that column unnamed; name it");
        }

        return null;
    }

    private static string?[] Cells(IExcelDataReader reader)
    {
        var cells = new string?[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = Text(reader.GetValue(i));
        return cells;
    }

    private static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        double number when Math.Abs(number) < 1e15 && number == Math.Floor(number) => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    protected override void Dispose(bool disposing)
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
