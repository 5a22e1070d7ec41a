namespace EntityGraph.Storage.Neo4j.Export.Internal;

/// <summary>
/// One column of a neo4j-admin CSV file: its header (<c>valueUsd:double</c>, <c>:START_ID</c>) and how
/// to read its value from a row. Values are <see cref="string"/>, <see cref="double"/>,
/// <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>, a list of strings, or null for "no property".
/// </summary>
internal sealed record Neo4jCsvColumn<TRow>(string Header, Func<TRow, object?> Value)
{
    /// <summary>A property column: the key comes from the graph model, the type from <see cref="Neo4jCsvTypes"/>.</summary>
    public static Neo4jCsvColumn<TRow> Property(string key, Func<TRow, object?> value) =>
        new(Neo4jCsvTypes.Header(key), value);
}
