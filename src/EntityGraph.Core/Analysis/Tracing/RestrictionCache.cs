using EntityGraph.Core.Analysis.Ownership;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Restriction verdicts kept between traces, by ownership rule and day, for one version of the data: the
/// customers of a busy intermediary are judged once, not in every trace that reaches them. When the
/// store's data version moves the verdicts are dropped; when the cache is full it starts over.
/// </summary>
public sealed class RestrictionCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(OwnershipRule, DateOnly, string), Restriction?> _verdicts = [];
    private long _version = long.MinValue;

    /// <summary>The most verdicts kept.</summary>
    public int Capacity { get; init; } = 3_000_000;

    /// <summary>How many verdicts are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _verdicts.Count;
        }
    }

    /// <summary>The verdicts known for the version, and the parties still to judge.</summary>
    internal (Dictionary<string, Restriction> Known, List<string> Unknown) Lookup(long version, OwnershipRule rule, DateOnly asOf, IEnumerable<string> partyIds)
    {
        var known = new Dictionary<string, Restriction>(StringComparer.Ordinal);
        var unknown = new List<string>();
        lock (_gate)
        {
            if (_version != version)
            {
                _verdicts.Clear();
                _version = version;
            }

            foreach (var id in partyIds)
            {
                if (!_verdicts.TryGetValue((rule, asOf, id), out var restriction))
                    unknown.Add(id);
                else if (restriction is not null)
                    known[id] = restriction;
            }
        }

        return (known, unknown);
    }

    /// <summary>Keeps the verdicts of the judged parties (null: not restricted) for the version.</summary>
    internal void Remember(long version, OwnershipRule rule, DateOnly asOf, IEnumerable<string> judged, IReadOnlyDictionary<string, Restriction> restricted)
    {
        lock (_gate)
        {
            if (_version != version)
                return;
            var ids = judged.ToList();
            if (_verdicts.Count + ids.Count > Capacity)
                _verdicts.Clear();
            foreach (var id in ids)
                _verdicts[(rule, asOf, id)] = restricted.GetValueOrDefault(id);
        }
    }
}
