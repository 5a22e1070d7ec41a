namespace EntityGraph.Core.Analysis;

/// <summary>How the sentences investigators quote are put together.</summary>
internal static class Prose
{
    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
