namespace EntityGraph.Core.Rules;

/// <summary>Reads the reference CSV files embedded in this assembly.</summary>
internal static class ReferenceData
{
    /// <summary>The rows of an embedded CSV file, without its header, split on commas outside quotes.</summary>
    public static IEnumerable<string[]> ReadCsv(string resourceName)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Reference data '{resourceName}' is not embedded in {typeof(ReferenceData).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                yield return SplitCsvLine(line);
        }
    }

    private static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
