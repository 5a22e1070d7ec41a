namespace EntityGraph.Ingest.Mapping;

/// <summary>
/// A mapping file that cannot be run: not YAML, an unknown schema or property, a reference to no mapped entity, a
/// cycle, a column the source does not have. The message names the file, the line and what to fix.
/// </summary>
public sealed class MappingException : Exception
{
    public MappingException(string file, long line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The mapping or source file the problem is in.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, or 0 when it concerns the whole file.</summary>
    public long Line { get; }

    /// <summary>What is wrong and what to do about it, without the location.</summary>
    public string Problem { get; }
}
