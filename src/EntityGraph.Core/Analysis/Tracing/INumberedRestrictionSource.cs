using EntityGraph.Core.Indexing;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>A restriction source that can also judge the parties of a trade index by their number, as a trace over the index walks them.</summary>
internal interface INumberedRestrictionSource
{
    /// <summary>Judges the parties (numbers of <paramref name="index"/>) and adds the restricted ones, with their reasons, to <paramref name="into"/>.</summary>
    Task JudgeAsync(TradeIndex index, IReadOnlyList<int> parties, IDictionary<int, Restriction> into, CancellationToken cancellationToken);
}
