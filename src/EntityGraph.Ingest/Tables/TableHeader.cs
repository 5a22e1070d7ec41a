namespace EntityGraph.Ingest.Tables;

/// <summary>The column names of a table, as its first row gives them (surrounding white space removed).</summary>
public sealed class TableHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public TableHeader(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names.Select(n => n.Trim())];
        // As a dictionary reader does, a later column of the same name wins.
        for (var i = 0; i < Names.Count; i++)
            _index[Names[i]] = i;
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The position of a column, or -1 when the table has none of that name.</summary>
    public int IndexOf(string column) => _index.GetValueOrDefault(column, -1);

    public bool Contains(string column) => _index.ContainsKey(column);
}
