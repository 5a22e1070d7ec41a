using System.Collections.Frozen;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>
/// The Cypher the store runs, read from the <c>cypher/</c> files embedded in this assembly: queries by
/// name (<c>cypher/queries/{name}.cypher</c>) and the schema statements of <c>cypher/schema/</c> in file order.
/// </summary>
internal static class CypherStatements
{
    private const string QueriesFolder = "cypher/queries/";
    private const string SchemaFolder = "cypher/schema/";
    private const string Extension = ".cypher";

    private static readonly Lazy<FrozenDictionary<string, string>> Resources = new(ReadResources);

    /// <summary>The names of every embedded query.</summary>
    public static IReadOnlyCollection<string> QueryNames =>
        [.. Resources.Value.Keys.Where(k => k.StartsWith(QueriesFolder, StringComparison.Ordinal)).Select(k => k[QueriesFolder.Length..^Extension.Length]).Order(StringComparer.Ordinal)];

    /// <summary>The text of the query <c>cypher/queries/{name}.cypher</c>.</summary>
    /// <exception cref="KeyNotFoundException">No such file was embedded.</exception>
    public static string Query(string name) =>
        Resources.Value.TryGetValue(QueriesFolder + name + Extension, out var text)
            ? text
            : throw new KeyNotFoundException($"No Cypher query named '{name}': expected cypher/queries/{name}.cypher embedded in {typeof(CypherStatements).Assembly.GetName().Name}.");

    /// <summary>Every statement of the <c>cypher/schema/*.cypher</c> files, files in name order, statements in file order.</summary>
    public static IReadOnlyList<string> Schema() =>
        [.. Resources.Value.Where(r => r.Key.StartsWith(SchemaFolder, StringComparison.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal).SelectMany(r => Split(r.Value))];

    /// <summary>Splits a file into statements at the semicolons that end lines, dropping <c>//</c> comment lines.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        return string.Join('\n', lines).Split(";\n").Select(s => s.Trim().TrimEnd(';').Trim()).Where(s => s.Length > 0);
    }

    private static FrozenDictionary<string, string> ReadResources()
    {
        var assembly = typeof(CypherStatements).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var key = name.Replace('\\', '/');
            if (!key.StartsWith("cypher/", StringComparison.Ordinal) || !key.EndsWith(Extension, StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The resource '{name}' cannot be read.");
            using var reader = new StreamReader(stream);
            texts[key] = reader.ReadToEnd();
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
