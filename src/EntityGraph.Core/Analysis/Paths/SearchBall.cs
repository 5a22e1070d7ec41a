using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The ball grown around one end of the paths: the distance from that end of every node found, and the
/// frontier, the nodes found at the last level, whose links are read when the ball grows next.
/// </summary>
/// <param name="origin">The end the ball grows from.</param>
/// <param name="readDirection">Which links to read around the frontier.</param>
/// <param name="growsFromStart">Whether the ball grows from the start of the paths, rather than back from their end.</param>
internal sealed class SearchBall(int origin, LinkDirection readDirection, bool growsFromStart)
{
    public int Origin { get; } = origin;

    /// <summary>The distance from <see cref="Origin"/> of every node found.</summary>
    public Dictionary<int, int> Distances { get; } = new() { [origin] = 0 };

    /// <summary>The nodes found at the last level grown, whose links are still to be read.</summary>
    public List<int> Frontier { get; set; } = [origin];

    /// <summary>How many levels have been grown: nodes nearer than this have all their links known.</summary>
    public int Radius { get; set; }

    /// <summary>Which links to read around the frontier.</summary>
    public LinkDirection ReadDirection { get; } = readDirection;

    public bool GrowsFromStart { get; } = growsFromStart;
}
