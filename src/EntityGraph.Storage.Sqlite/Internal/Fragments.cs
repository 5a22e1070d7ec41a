using EntityGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Reading fragments (the values one dataset gives an entity) and merging them into the entity:
/// the union of their values in dataset order, with the most specific schema.
/// </summary>
internal static class Fragments
{
    /// <summary>The columns <see cref="ReadMerged"/> expects, in order; rows must come ordered by entity id, then dataset.</summary>
    public const string Columns = "entity_id, dataset, schema, properties, first_seen, last_seen";

    public static FtmEntity Fragment(string id, string dataset, string schema, IReadOnlyDictionary<string, IReadOnlyList<string>> properties, long? firstSeen, long? lastSeen) =>
        new(id, schema, properties)
        {
            Datasets = [dataset],
            FirstSeen = Time(firstSeen),
            LastSeen = Time(lastSeen),
        };

    /// <summary>Merges fragments given in dataset order; a schema conflict (refused on write) keeps the first schema.</summary>
    public static FtmEntity Merge(IReadOnlyList<FtmEntity> fragments)
    {
        var merged = fragments[0];
        for (var i = 1; i < fragments.Count; i++)
        {
            var schema = Schemata.MostSpecific(merged.Schema, fragments[i].Schema) ?? merged.Schema;
            merged = FtmEntity.Merge(merged, fragments[i], schema);
        }

        return merged;
    }

    /// <summary>Merged entities from rows of <see cref="Columns"/>, ordered by entity id.</summary>
    public static IEnumerable<FtmEntity> ReadMerged(SqliteDataReader reader)
    {
        var group = new List<FtmEntity>(2);
        while (reader.Read())
        {
            var fragment = Fragment(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Json.ReadProperties(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5));
            if (group.Count > 0 && !string.Equals(group[0].Id, fragment.Id, StringComparison.Ordinal))
            {
                yield return Merge(group);
                group.Clear();
            }

            group.Add(fragment);
        }

        if (group.Count > 0)
            yield return Merge(group);
    }

    public static long? Ticks(DateTimeOffset? time) => time?.UtcTicks;

    public static DateTimeOffset? Time(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
