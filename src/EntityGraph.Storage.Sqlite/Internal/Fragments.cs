using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Reading fragments (the values one dataset gives an entity) from rows, with the run that wrote
/// each, and merging them with <see cref="FtmFragments.Merge(IReadOnlyList{StoredFragment})"/>.
/// </summary>
internal static class Fragments
{
    /// <summary>The columns <see cref="ReadStored"/> and <see cref="ReadMerged"/> expect, in order.</summary>
    public const string Columns = "entity_id, dataset, schema, properties, first_seen, last_seen, run_id";

    public static FtmEntity Fragment(string id, string dataset, string schema, IReadOnlyDictionary<string, IReadOnlyList<string>> properties, long? firstSeen, long? lastSeen) =>
        FtmFragments.Fragment(id, dataset, schema, properties, Time(firstSeen), Time(lastSeen));

    /// <summary>The fragments of each entity from rows of <see cref="Columns"/> ordered by entity id, then dataset: one list per entity.</summary>
    public static IEnumerable<List<StoredFragment>> ReadStored(SqliteDataReader reader)
    {
        var group = new List<StoredFragment>(2);
        while (reader.Read())
        {
            var fragment = Fragment(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Json.ReadProperties(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5));
            if (group.Count > 0 && !string.Equals(group[0].Fragment.Id, fragment.Id, StringComparison.Ordinal))
            {
                yield return group;
                group = new List<StoredFragment>(2);
            }

            group.Add(new StoredFragment(fragment, reader.GetString(6)));
        }

        if (group.Count > 0)
            yield return group;
    }

    /// <summary>Merged entities from rows of <see cref="Columns"/> ordered by entity id, then dataset.</summary>
    public static IEnumerable<FtmEntity> ReadMerged(SqliteDataReader reader) => ReadStored(reader).Select(FtmFragments.Merge);

    public static long? Ticks(DateTimeOffset? time) => time?.UtcTicks;

    public static DateTimeOffset? Time(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
