namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>Selecting shipment rows without copying them when all are selected.</summary>
internal static class RowSelection
{
    /// <summary>The rows that pass; the same rows when all do. Kept in the arena when one is given, else in an array of their own.</summary>
    public static ArraySegment<int> Where(ArraySegment<int> rows, Func<int, bool> passes, RowArena? arena)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (passes(rows[i]))
                continue;
            var own = arena is null ? new int[rows.Count - 1] : null;
            var selected = own ?? arena!.Reserve(rows.Count - 1);
            rows.AsSpan(0, i).CopyTo(selected);
            var count = i;
            for (var j = i + 1; j < rows.Count; j++)
            {
                if (passes(rows[j]))
                    selected[count++] = rows[j];
            }

            return own is null ? arena!.Commit(count) : new ArraySegment<int>(own, 0, count);
        }

        return rows;
    }
}
