using System.Runtime.CompilerServices;
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
    /// <summary>The columns <see cref="ReadStored"/> and <see cref="ReadMerged"/> read, by name.</summary>
    public const string Columns = "entity_id, dataset, schema, properties, first_seen, last_seen, run_id";

    public static FtmEntity Fragment(string id, string dataset, string schema, IReadOnlyDictionary<string, IReadOnlyList<string>> properties, long? firstSeen, long? lastSeen) =>
        FtmFragments.Fragment(id, dataset, schema, properties, Time(firstSeen), Time(lastSeen));

    /// <summary>The fragments of each entity from rows of <see cref="Columns"/> ordered by entity id, then dataset: one list per entity.</summary>
    /// <param name="reader">The rows.</param>
    /// <param name="rows">When given, gets each fragment's row key (the rows then have a <c>pk</c> column too).</param>
    /// <param name="wanted">When given, the ids to read; a row of another id is passed over before its properties are parsed.</param>
    public static IEnumerable<List<StoredFragment>> ReadStored(SqliteDataReader reader, Dictionary<(string Id, string Dataset), long>? rows = null, ICollection<string>? wanted = null)
    {
        var key = rows is null ? -1 : reader.GetOrdinal("pk");
        var group = new List<StoredFragment>(2);
        var (entity, dataset, schema, properties, firstSeen, lastSeen, run) = (
            reader.GetOrdinal("entity_id"),
            reader.GetOrdinal("dataset"),
            reader.GetOrdinal("schema"),
            reader.GetOrdinal("properties"),
            reader.GetOrdinal("first_seen"),
            reader.GetOrdinal("last_seen"),
            reader.GetOrdinal("run_id"));
        while (reader.Read())
        {
            if (wanted is not null && !wanted.Contains(reader.GetString(entity)))
                continue;
            var fragment = Fragment(
                reader.GetString(entity),
                reader.GetString(dataset),
                reader.GetString(schema),
                Json.ReadProperties(reader.GetString(properties)),
                ColumnValues.Number(reader, firstSeen),
                ColumnValues.Number(reader, lastSeen));
            if (group.Count > 0 && !string.Equals(group[0].Fragment.Id, fragment.Id, StringComparison.Ordinal))
            {
                yield return group;
                group = new List<StoredFragment>(2);
            }

            group.Add(new StoredFragment(fragment, reader.GetString(run)));
            if (rows is not null)
                rows[(fragment.Id, fragment.Datasets[0])] = reader.GetInt64(key);
        }

        if (group.Count > 0)
            yield return group;
    }

    /// <summary>The fragments of every entity in the store, by entity id, read on a connection of <paramref name="open"/>.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportAsync(Func<SqliteConnection> open, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM fragments ORDER BY entity_id, dataset";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        foreach (var fragments in ReadStored(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return fragments;
        }
    }

    /// <summary>Merged entities from rows of <see cref="Columns"/> ordered by entity id, then dataset.</summary>
    public static IEnumerable<FtmEntity> ReadMerged(SqliteDataReader reader) => ReadStored(reader).Select(FtmFragments.Merge);

    public static long? Ticks(DateTimeOffset? time) => time?.UtcTicks;

    public static DateTimeOffset? Time(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
