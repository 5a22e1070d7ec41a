using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Indexing;

/// <summary>
/// Trades as columns addressed by a number (their row), with parties and HS codes as numbers into
/// tables and dates as day numbers, so that a trace can walk tens of thousands of shipments reading
/// arrays instead of objects. The <see cref="TradeIndex"/> keeps every shipment of the store this way;
/// a trace without an index keeps the shipments it reads this way.
/// </summary>
internal sealed class TradeColumns
{
    /// <summary>The day number of <see cref="Earliest"/> for a shipment without a date.</summary>
    public const int Undated = int.MaxValue;

    private readonly Dictionary<string, int> _partyNumbers;
    private readonly List<string> _parties;
    private readonly Dictionary<string, int> _hsNumbers = new(StringComparer.Ordinal);
    private readonly List<HsCode> _hsCodes = [];
    private readonly Dictionary<string, int> _sourceNumbers = new(StringComparer.Ordinal);
    private readonly List<LinkSource> _sources = [];
    private readonly List<ExtraRole> _extraRoles = [];
    private readonly HashSet<int> _linkedRows = [];
    private int _withoutLinks;

    public TradeColumns(int capacity = 16)
        : this(capacity, new Dictionary<string, int>(StringComparer.Ordinal), [])
    {
    }

    private TradeColumns(int capacity, Dictionary<string, int> partyNumbers, List<string> parties)
    {
        _partyNumbers = partyNumbers;
        _parties = parties;
        capacity = Math.Max(capacity, 1);
        Ids = new string[capacity];
        Senders = new int[capacity];
        Receivers = new int[capacity];
        Dates = new PartialDate?[capacity];
        Earliest = new int[capacity];
        Latest = new int[capacity];
        Values = new double[capacity];
        Tiers = new sbyte[capacity];
        Hs = new int[capacity];
        Sources = new int[capacity];
    }

    public int Count { get; private set; }

    public string[] Ids { get; private set; }

    /// <summary>Party numbers, −1 for nobody.</summary>
    public int[] Senders { get; private set; }

    public int[] Receivers { get; private set; }

    public PartialDate?[] Dates { get; private set; }

    /// <summary>The first day the date can mean; <see cref="Undated"/> without a date.</summary>
    public int[] Earliest { get; private set; }

    /// <summary>The last day the date can mean (meaningless without a date).</summary>
    public int[] Latest { get; private set; }

    /// <summary>Values in USD; NaN for none.</summary>
    public double[] Values { get; private set; }

    /// <summary>CHPL tiers; −1 for none.</summary>
    public sbyte[] Tiers { get; private set; }

    /// <summary>HS code numbers into <see cref="HsCodes"/>; −1 for none.</summary>
    public int[] Hs { get; private set; }

    public IReadOnlyList<HsCode> HsCodes => _hsCodes;

    /// <summary>Numbers into <see cref="LinkSources"/> of what the shipment's role links are cited with; −1 when the store did not say.</summary>
    public int[] Sources { get; private set; }

    /// <summary>The distinct provenances of shipments' role links (a handful: one per combination of datasets and import times).</summary>
    public IReadOnlyList<LinkSource> LinkSources => _sources;

    /// <summary>
    /// The party numbers of the shipments' first declarants, −1 for none; null until a shipment has one
    /// (only shipments with <see cref="TradeLinks"/> say).
    /// </summary>
    public int[]? Declarants { get; private set; }

    /// <summary>The party number of the first declarant of the shipment in the row, −1 for none.</summary>
    public int DeclarantOf(int row) => Declarants is { } declarants ? declarants[row] : -1;

    /// <summary>Senders, receivers and declarants after a shipment's first, by row.</summary>
    public IReadOnlyList<ExtraRole> ExtraRoles => _extraRoles;

    /// <summary>The rows of shipments that links other than their role links start or end at.</summary>
    public IReadOnlySet<int> LinkedRows => _linkedRows;

    /// <summary>Whether every row came with its <see cref="TradeLinks"/>, so that role links can be built from the columns.</summary>
    public bool HoldsRoleLinks => _withoutLinks == 0;

    /// <summary>How many parties are numbered.</summary>
    public int PartyCount => _parties.Count;

    public string PartyId(int number) => _parties[number];

    /// <summary>Every numbered party, by number.</summary>
    public IReadOnlyList<string> PartyIds => _parties;

    /// <summary>The party's number, if it has one.</summary>
    public bool TryGetNumber(string id, out int number) => _partyNumbers.TryGetValue(id, out number);

    /// <summary>The party's number, numbering it now if it has none.</summary>
    public int Number(string id)
    {
        if (!_partyNumbers.TryGetValue(id, out var number))
        {
            _partyNumbers[id] = number = _parties.Count;
            _parties.Add(id);
        }

        return number;
    }

    /// <summary>Adds a trade; returns its row.</summary>
    public int Add(Trade trade)
    {
        if (Count == Ids.Length)
            Grow(Count * 2);
        var row = Count++;
        Ids[row] = trade.ShipmentId;
        Senders[row] = trade.SenderId is { } sender ? Number(sender) : -1;
        Receivers[row] = trade.ReceiverId is { } receiver ? Number(receiver) : -1;
        Dates[row] = trade.Date;
        Earliest[row] = trade.Date is { } date ? date.Earliest.DayNumber : Undated;
        Latest[row] = trade.Date is { } d ? d.Latest.DayNumber : int.MinValue;
        Values[row] = trade.ValueUsd ?? double.NaN;
        Tiers[row] = trade.ChplTier is { } tier ? (sbyte)tier : (sbyte)-1;
        Hs[row] = trade.HsCode is { } hs ? HsNumber(hs) : -1;
        Sources[row] = -1;
        if (Declarants is not null)
            Declarants[row] = -1;
        if (trade.Links is { } links)
        {
            Sources[row] = SourceNumber(links);
            foreach (var other in links.OtherSenderIds)
                _extraRoles.Add(new ExtraRole(row, Number(other), ShipmentRole.Sender));
            foreach (var other in links.OtherReceiverIds)
                _extraRoles.Add(new ExtraRole(row, Number(other), ShipmentRole.Receiver));
            for (var i = 0; i < links.DeclarantIds.Count; i++)
            {
                // Customs declarations often name a declarant; only a second one is rare.
                if (i == 0)
                    DeclarantsAllocated()[row] = Number(links.DeclarantIds[0]);
                else
                    _extraRoles.Add(new ExtraRole(row, Number(links.DeclarantIds[i]), ShipmentRole.Declarant));
            }
            if (links.HasOtherLinks)
                _linkedRows.Add(row);
        }
        else
        {
            _withoutLinks++;
        }

        return row;
    }

    public Trade ToTrade(int row) => new(
        Ids[row],
        Senders[row] < 0 ? null : _parties[Senders[row]],
        Receivers[row] < 0 ? null : _parties[Receivers[row]],
        Dates[row],
        double.IsNaN(Values[row]) ? null : Values[row],
        Tiers[row] < 0 ? null : (ChplTier)Tiers[row],
        Hs[row] < 0 ? null : _hsCodes[Hs[row]]);

    /// <summary>The same trades with their rows in the given order (row i of the result is row order[i] of this).</summary>
    public TradeColumns Reordered(int[] order)
    {
        var result = new TradeColumns(order.Length, _partyNumbers, _parties);
        result._hsCodes.AddRange(_hsCodes);
        foreach (var (digits, number) in _hsNumbers)
            result._hsNumbers[digits] = number;
        result._sources.AddRange(_sources);
        foreach (var (key, number) in _sourceNumbers)
            result._sourceNumbers[key] = number;
        result._withoutLinks = _withoutLinks;
        var rowOf = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            var from = order[i];
            result.Ids[i] = Ids[from];
            result.Senders[i] = Senders[from];
            result.Receivers[i] = Receivers[from];
            result.Dates[i] = Dates[from];
            result.Earliest[i] = Earliest[from];
            result.Latest[i] = Latest[from];
            result.Values[i] = Values[from];
            result.Tiers[i] = Tiers[from];
            result.Hs[i] = Hs[from];
            result.Sources[i] = Sources[from];

            rowOf[from] = i;
        }

        if (Declarants is { } declarants)
        {
            var reordered = result.DeclarantsAllocated();
            for (var i = 0; i < order.Length; i++)
                reordered[i] = declarants[order[i]];
        }

        foreach (var extra in _extraRoles)
            result._extraRoles.Add(extra with { Row = rowOf[extra.Row] });
        foreach (var row in _linkedRows)
            result._linkedRows.Add(rowOf[row]);
        result.Count = order.Length;
        return result;
    }

    /// <summary>Whether the trade in the row passes the filter: <see cref="ShipmentFilter.Matches(Trade)"/> on the columns.</summary>
    public bool Matches(int row, CompiledFilter filter)
    {
        if (filter.From is { } from && (Earliest[row] == Undated || Latest[row] < from))
            return false;
        if (filter.To is { } to && (Earliest[row] == Undated || Earliest[row] > to))
            return false;
        if (filter.HsCodes is { } codes && (Hs[row] < 0 || !codes[Hs[row]]))
            return false;
        if (filter.Tiers is { } tiers && (Tiers[row] < 0 || !tiers.Contains((ChplTier)Tiers[row])))
            return false;
        return filter.MinValueUsd is not { } min || (!double.IsNaN(Values[row]) && Values[row] >= min);
    }

    /// <summary>The filter with its dates as day numbers and its HS prefixes resolved against this table's codes.</summary>
    public CompiledFilter Compile(ShipmentFilter filter)
    {
        var hsCodes = filter.HsPrefixes is { Count: > 0 } prefixes ? _hsCodes.Select(code => prefixes.Any(code.StartsWith)).ToArray() : null;
        HashSet<ChplTier>? tiers = filter.Tiers is { Count: > 0 } listed ? [.. listed] : null;
        var passesAll = filter.From is null && filter.To is null && hsCodes is null && tiers is null && filter.MinValueUsd is null;
        return new CompiledFilter(filter.From?.DayNumber, filter.To?.DayNumber, hsCodes, tiers, filter.MinValueUsd, passesAll);
    }

    private int HsNumber(HsCode code)
    {
        if (!_hsNumbers.TryGetValue(code.Digits, out var number))
        {
            _hsNumbers[code.Digits] = number = _hsCodes.Count;
            _hsCodes.Add(code);
        }

        return number;
    }

    /// <summary>The declarants column, made (with none for every row) the first time a shipment has a declarant.</summary>
    private int[] DeclarantsAllocated()
    {
        if (Declarants is null)
        {
            Declarants = new int[Ids.Length];
            Array.Fill(Declarants, -1);
        }

        return Declarants;
    }

    private int SourceNumber(TradeLinks links)
    {
        var key = $"{string.Join('\u0001', links.Datasets)}\u0002{links.FirstSeen?.UtcTicks}\u0002{links.LastSeen?.UtcTicks}";
        if (!_sourceNumbers.TryGetValue(key, out var number))
        {
            _sourceNumbers[key] = number = _sources.Count;
            _sources.Add(new LinkSource(links.Datasets, links.FirstSeen, links.LastSeen));
        }

        return number;
    }

    private void Grow(int capacity)
    {
        Ids = Resized(Ids, capacity);
        Senders = Resized(Senders, capacity);
        Receivers = Resized(Receivers, capacity);
        Dates = Resized(Dates, capacity);
        Earliest = Resized(Earliest, capacity);
        Latest = Resized(Latest, capacity);
        Values = Resized(Values, capacity);
        Tiers = Resized(Tiers, capacity);
        Hs = Resized(Hs, capacity);
        Sources = Resized(Sources, capacity);
        if (Declarants is not null)
            Declarants = Resized(Declarants, capacity);
    }

    private static T[] Resized<T>(T[] array, int capacity)
    {
        Array.Resize(ref array, capacity);
        return array;
    }

    /// <summary>What a shipment's role links are cited with, short of the shipment's id.</summary>
    internal sealed record LinkSource(IReadOnlyList<string> Datasets, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);

    /// <summary>A party in a role of the shipment in the row, after the first party in that role.</summary>
    internal readonly record struct ExtraRole(int Row, int Party, ShipmentRole Role);

    /// <summary>A <see cref="ShipmentFilter"/> ready to check rows: days as day numbers, HS prefixes as a flag per HS code number.</summary>
    internal sealed record CompiledFilter(int? From, int? To, bool[]? HsCodes, HashSet<ChplTier>? Tiers, double? MinValueUsd, bool PassesAll);
}
