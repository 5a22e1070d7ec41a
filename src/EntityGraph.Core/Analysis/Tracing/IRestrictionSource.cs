using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Says which parties a trace must stop at. Kept apart from the tracer so that the ownership rule
/// (OFAC 50 %, EU control) can be plugged in beside direct sanctions.
/// </summary>
public interface IRestrictionSource
{
    /// <summary>The restricted parties among <paramref name="parties"/>, by id, with their reasons; the others are absent.</summary>
    Task<IReadOnlyDictionary<string, Restriction>> GetRestrictionsAsync(IReadOnlyCollection<Party> parties, CancellationToken cancellationToken);
}
