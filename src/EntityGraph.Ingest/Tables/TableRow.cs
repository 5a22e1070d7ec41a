namespace EntityGraph.Ingest.Tables;

/// <summary>
/// One row of a table as a mapping reads it: each cell cleaned as FtM cleans source text (Unicode NFC, control
/// characters removed, white space trimmed; an empty cell has no value), or the reason the row cannot be read.
/// </summary>
/// <param name="Source">The file the row is in, as the mapping names it.</param>
/// <param name="Number">The row's line in a CSV file (the header is line 1), or its row number in a sheet.</param>
/// <param name="Header">The table's columns.</param>
/// <param name="Cells">The cleaned cells, by column position; null where a cell is empty.</param>
/// <param name="Raw">The cells as read, for the rejects file.</param>
/// <param name="Problem">Why the row cannot be mapped (ragged, not UTF-8), or null.</param>
public sealed record TableRow(string Source, long Number, TableHeader Header, string?[] Cells, string[] Raw, string? Problem)
{
    /// <summary>The cleaned value of a column; null when it is empty or the table has no such column.</summary>
    public string? Get(string column)
    {
        var index = Header.IndexOf(column);
        return index >= 0 && index < Cells.Length ? Cells[index] : null;
    }
}
