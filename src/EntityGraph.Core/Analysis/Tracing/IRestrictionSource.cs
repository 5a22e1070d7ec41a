namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Says which parties a trace must stop at. Kept apart from the tracer so that the ownership rule
/// (OFAC 50 %, EU control) can be plugged in beside direct sanctions.
/// </summary>
public interface IRestrictionSource
{
    /// <summary>The restricted parties among <paramref name="partyIds"/>, with their reasons; the others (and unknown ids) are absent.</summary>
    Task<IReadOnlyDictionary<string, Restriction>> GetRestrictionsAsync(IReadOnlyCollection<string> partyIds, CancellationToken cancellationToken);
}
