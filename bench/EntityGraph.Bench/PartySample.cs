using System.Text.Json;

namespace EntityGraph.Bench;

/// <summary>A reservoir sample of parties (id and name) read from an FtM JSON-lines file.</summary>
internal static class PartySample
{
    private static readonly HashSet<string> PartySchemata = ["Company", "Organization", "Person", "LegalEntity"];

    public static List<(string Id, string Name)> Read(string path, int size, int seed)
    {
        var random = new Random(seed);
        var sample = new List<(string, string)>(size);
        var seen = 0;
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!PartySchemata.Contains(root.GetProperty("schema").GetString() ?? string.Empty))
                continue;
            if (!root.GetProperty("properties").TryGetProperty("name", out var names) || names.GetArrayLength() == 0)
                continue;
            var item = (root.GetProperty("id").GetString()!, names[0].GetString()!);
            seen++;
            if (sample.Count < size)
                sample.Add(item);
            else if (random.Next(seen) is var j && j < size)
                sample[j] = item;
        }

        return sample;
    }
}
