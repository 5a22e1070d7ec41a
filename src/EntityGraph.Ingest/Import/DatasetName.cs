namespace EntityGraph.Ingest.Import;

/// <summary>Names a dataset after its source file, as the import does when no name is given.</summary>
public static class DatasetName
{
    /// <summary>The dataset name for standard input.</summary>
    public const string StandardInput = "stdin";

    /// <summary>The file name without any extension: <c>data/demo-case.ftm.jsonl.gz</c> → <c>demo-case</c>.</summary>
    public static string FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == "-")
            return StandardInput;
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.', 1);
        var stem = dot > 0 ? name[..dot] : name;
        return stem.Length > 0 ? stem : name;
    }
}
