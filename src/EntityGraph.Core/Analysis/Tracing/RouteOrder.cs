namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>Routes best first: by score, then by value, then by party sequence in ordinal order.</summary>
internal sealed class RouteOrder : IComparer<RouteDraft>
{
    public static readonly RouteOrder Instance = new();

    public int Compare(RouteDraft? x, RouteDraft? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var score = y.Score.CompareTo(x.Score);
        if (score != 0)
            return score;
        var value = (y.TotalValueUsd ?? 0).CompareTo(x.TotalValueUsd ?? 0);
        return value != 0 ? value : ComparePartySequences(x.PartyIds, y.PartyIds);
    }

    /// <summary>Party by party in ordinal order, a shorter sequence first when it is a prefix.</summary>
    private static int ComparePartySequences(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
                return c;
        }

        return x.Count.CompareTo(y.Count);
    }
}
