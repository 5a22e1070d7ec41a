using CsvHelper;
using Xunit;

namespace EntityGraph.Testing;

/// <summary>CSV files read back in tests (the neo4j-csv export's node and relationship files).</summary>
public static class CsvFiles
{
    /// <summary>A file read back with a CSV reader: the header, then each row as header → field.</summary>
    public static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true });
        reader.ReadHeader();
        var header = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(header.Count, reader.FieldCount);
            rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal));
        }

        return (header, rows);
    }
}
