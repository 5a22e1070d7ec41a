using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Indexing;

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
    private readonly List<NumberedVerdicts> _numbered = [];

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

    /// <summary>
    /// The verdicts of a trade index's parties by their number, for a rule and day on the version: a trace
    /// through a hub judges tens of thousands of customers, and reading an array costs far less per
    /// customer than looking an id up. Tables for the last few rules and days are kept for the current index.
    /// </summary>
    internal NumberedVerdicts Numbered(long version, OwnershipRule rule, DateOnly asOf, TradeIndex index)
    {
        lock (_gate)
        {
            _numbered.RemoveAll(table => table.Index != index || table.Version != version);
            if (_numbered.Find(table => table.Rule == rule && table.AsOf == asOf) is { } found)
                return found;
            if (_numbered.Count >= 4)
                _numbered.RemoveAt(0);
            var created = new NumberedVerdicts(index, version, rule, asOf);
            _numbered.Add(created);
            return created;
        }
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

    /// <summary>Verdicts by party number of one trade index, for one rule, day and data version; safe to read and fill from several traces at once.</summary>
    internal sealed class NumberedVerdicts(TradeIndex index, long version, OwnershipRule rule, DateOnly asOf)
    {
        private readonly Restriction?[] _verdicts = new Restriction?[index.Parties.Count];
        private readonly bool[] _known = new bool[index.Parties.Count];

        public TradeIndex Index => index;

        public long Version => version;

        public OwnershipRule Rule => rule;

        public DateOnly AsOf => asOf;

        /// <summary>The verdict (null: not restricted) if the party was judged.</summary>
        public bool TryGet(int party, out Restriction? restriction)
        {
            restriction = null;
            if (!Volatile.Read(ref _known[party]))
                return false;
            restriction = Volatile.Read(ref _verdicts[party]);
            return true;
        }

        public void Set(int party, Restriction? restriction)
        {
            Volatile.Write(ref _verdicts[party], restriction);
            Volatile.Write(ref _known[party], true);
        }
    }
}
