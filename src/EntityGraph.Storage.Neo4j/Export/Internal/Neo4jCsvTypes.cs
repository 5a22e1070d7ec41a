namespace EntityGraph.Storage.Neo4j.Export.Internal;

/// <summary>The neo4j-admin type of every property key of the graph model; keys not listed are strings.</summary>
internal static class Neo4jCsvTypes
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["datasets"] = "string[]",
        ["firstSeen"] = "datetime",
        ["lastSeen"] = "datetime",
        ["aliases"] = "string[]",
        ["countries"] = "string[]",
        ["topics"] = "string[]",
        ["incorporationEarliest"] = "date",
        ["dateEarliest"] = "date",
        ["dateLatest"] = "date",
        ["valueUsd"] = "double",
        ["percentage"] = "double",
    };

    /// <summary>The header of a property column, e.g. <c>valueUsd:double</c>; a key the graph model does not have is an error.</summary>
    public static string Header(string key)
    {
        if (!GraphModel.PropertyKeys.Contains(key, StringComparer.Ordinal))
            throw new ArgumentException($"'{key}' is not a property key of the graph model.", nameof(key));
        return Types.TryGetValue(key, out var type) ? $"{key}:{type}" : $"{key}:string";
    }
}
