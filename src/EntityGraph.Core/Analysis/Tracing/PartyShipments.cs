using EntityGraph.Core.Indexing;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// A party's shipments in one direction of a trace: its rows, sorted by the party at the other end (nobody
/// first) and in store order within each, and the runs of those rows that go to (or come from) one party.
/// </summary>
internal sealed record PartyShipments(ArraySegment<int> Rows, TradeGroup[] Groups)
{
    public static readonly PartyShipments None = new(ArraySegment<int>.Empty, []);

    /// <summary>The shipments of rows already in that order, with their runs found from <paramref name="far"/>.</summary>
    public static PartyShipments Of(int[] rows, int[] far)
    {
        var groups = new List<TradeGroup>();
        for (var from = 0; from < rows.Length;)
        {
            var to = from + 1;
            var party = far[rows[from]];
            while (to < rows.Length && far[rows[to]] == party)
                to++;
            if (party >= 0)
                groups.Add(new TradeGroup(party, new ArraySegment<int>(rows, from, to - from)));
            from = to;
        }

        return new PartyShipments(rows, [.. groups]);
    }

    /// <summary>The rows of all the groups (those to or from nobody left out), which sort last.</summary>
    public ArraySegment<int> GroupedRows =>
        Groups.Length == 0 ? ArraySegment<int>.Empty : new ArraySegment<int>(Rows.Array!, Groups[0].Rows.Offset, Rows.Offset + Rows.Count - Groups[0].Rows.Offset);
}
