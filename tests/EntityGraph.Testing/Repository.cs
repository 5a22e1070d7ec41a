namespace EntityGraph.Testing;

/// <summary>The checkout the tests run from, for tests that read its files (the schema snapshot, docs, tools).</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EntityGraph.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("EntityGraph.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The folder that holds <c>EntityGraph.sln</c>.</summary>
    public static string Root => RootPath.Value;
}
