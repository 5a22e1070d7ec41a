namespace EntityGraph.Server.Hosting;

/// <summary>Where the SQLite database lives and what to put in a new one (section <c>EntityGraph:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "EntityGraph:Database";

    /// <summary>The database file; relative paths are taken from the current directory.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "entitygraph.db");

    /// <summary>Whether to load the bundled demo case when the database file does not exist yet.</summary>
    public bool LoadDemoCase { get; set; } = true;
}
