namespace EntityGraph.Core.Storage;

/// <summary>
/// Search pages are cut by offset in every store: a search cursor holds how many hits came before
/// the next page, so that stores read and write the same cursors the same way.
/// </summary>
public static class SearchCursor
{
    /// <summary>Where the page of <paramref name="query"/> starts; the page size must be positive and the cursor one a store issued.</summary>
    public static int Offset(PartySearch query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.First, nameof(query.First));
        if (query.After is not { } after)
            return 0;
        var offset = PageCursor.Decode<SearchPosition>(after, nameof(query.After)).Offset;
        return offset >= 0 ? offset : throw new ArgumentException($"The cursor '{after}' is not a cursor this store issued.", nameof(query.After));
    }

    /// <summary>The cursor of a hit: the page after it starts with the hit that follows.</summary>
    public static string After(int hitsBefore) => PageCursor.Encode(new SearchPosition(hitsBefore));

    private sealed record SearchPosition(int Offset);
}
