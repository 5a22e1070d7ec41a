namespace EntityGraph.Storage.Neo4j.Export;

/// <summary>
/// A value the neo4j-csv files cannot carry as it is: a list element that contains the array
/// delimiter, which neo4j-admin would split in two. Exporting again with another delimiter carries it.
/// </summary>
public sealed class Neo4jCsvExportException : Exception
{
    /// <summary>The exception for a list value of an entity or relationship that contains the array delimiter.</summary>
    /// <param name="id">The id of the node or relationship.</param>
    /// <param name="property">The property key whose list holds the value.</param>
    /// <param name="value">The value.</param>
    /// <param name="arrayDelimiter">The array delimiter of the export.</param>
    public Neo4jCsvExportException(string id, string property, string value, char arrayDelimiter)
        : base($"'{id}' has a value of {property} that contains the array delimiter {Neo4jCsvExport.ArrayDelimiterOption(arrayDelimiter)}: \"{value}\". neo4j-admin would split it in two.")
    {
        Id = id;
        Property = property;
        Value = value;
    }

    /// <summary>The id of the node or relationship.</summary>
    public string Id { get; }

    /// <summary>The property key whose list holds the value.</summary>
    public string Property { get; }

    /// <summary>The value that contains the array delimiter.</summary>
    public string Value { get; }
}
