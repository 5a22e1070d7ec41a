namespace EntityGraph.Testing;

/// <summary>A fresh database file path under the temp directory, deleted (with its WAL and journal files) on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private static readonly string[] Suffixes = ["", "-wal", "-shm", "-journal"];

    private TempDatabase(string path) => Path = path;

    /// <summary>The file path; nothing exists there until a store creates it.</summary>
    public string Path { get; }

    public static TempDatabase Create(string prefix = "entitygraph") =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db"));

    public void Dispose()
    {
        foreach (var suffix in Suffixes)
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // A file still held open elsewhere is left to the temp cleaner rather than failing the test.
            }
        }
    }
}
