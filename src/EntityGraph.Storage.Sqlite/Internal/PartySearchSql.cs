using System.Text;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Search;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// A party search over the name index: every token must match, the best BM25 score first and an
/// exact name first of all, one page at a time with the total number of hits.
/// </summary>
internal static class PartySearchSql
{
    /// <summary>The page of hits at <paramref name="offset"/> for the query's tokens (at least one).</summary>
    public static SearchPage Search(SqliteConnection connection, PartySearch query, IReadOnlyList<string> tokens, int offset)
    {
        using var command = connection.CreateCommand();
        var matching = Matching(command, query, tokens);
        command.CommandText =
            $"""
            WITH hits AS MATERIALIZED (
                SELECT p.id AS id, -bm25(party_search) + CASE WHEN p.name_key = $key THEN 100.0 ELSE 0.0 END AS score
                {matching}
            )
            SELECT id, score, count(*) OVER () AS total FROM hits
            ORDER BY score DESC, id
            LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$limit", query.First + 1);
        command.Parameters.AddWithValue("$offset", offset);

        var (found, total) = ReadHits(command);
        if (found.Count == 0 && offset > 0)
        {
            // Past the last hit the window count has no row to ride on.
            command.CommandText = $"SELECT count(*) {matching}";
            total = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var hasNext = found.Count > query.First;
        if (hasNext)
            found.RemoveAt(found.Count - 1);
        var parties = EntityLookupSql.Entities(connection, found.Select(f => f.Id).ToArray())
            .Select(e => FtmProjector.Project(e, includeSearchText: false).Party)
            .OfType<Party>()
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        var hits = new List<SearchHit>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            if (parties.TryGetValue(found[i].Id, out var party))
                hits.Add(new SearchHit(party, SearchCursor.After(offset + i + 1), found[i].Score));
        }

        return new SearchPage(hits, hasNext, hits.Count > 0 ? hits[^1].Cursor : query.After, total);
    }

    /// <summary>The FROM and WHERE of the parties that match, with their parameters bound.</summary>
    private static StringBuilder Matching(SqliteCommand command, PartySearch query, IReadOnlyList<string> tokens)
    {
        var json = new Json();
        var matching = new StringBuilder("FROM party_search JOIN parties p ON p.pk = party_search.rowid WHERE party_search MATCH $match");
        // Every token is required; the last may be the start of a longer word, as it is while someone
        // types. Prefixes of one or two letters would match a large part of the index, so they must be whole.
        // Tokens are [a-z0-9]+, so quoting is enough.
        command.Parameters.AddWithValue("$match", string.Join(' ', tokens.Select((t, i) => i == tokens.Count - 1 && t.Length >= 3 ? $"\"{t}\"*" : $"\"{t}\"")));
        command.Parameters.AddWithValue("$key", SearchText.KeyOf(tokens));
        if (query.Kinds is { Count: > 0 } kinds)
        {
            matching.Append(" AND p.kind IN (SELECT value FROM json_each($kinds))");
            command.Parameters.AddWithValue("$kinds", json.Numbers(kinds.Select(k => (long)k)));
        }

        if (query.Countries is { Count: > 0 } countries)
        {
            matching.Append(" AND EXISTS (SELECT 1 FROM json_each(p.countries) c WHERE c.value IN (SELECT value FROM json_each($countries)))");
            command.Parameters.AddWithValue("$countries", json.List(countries.Select(c => c.Trim().ToLowerInvariant())));
        }

        return matching;
    }

    /// <summary>The hits of the page (one more than asked when there is a next page) and the total.</summary>
    private static (List<(string Id, double Score)> Found, int Total) ReadHits(SqliteCommand command)
    {
        var found = new List<(string Id, double Score)>();
        var total = 0;
        using var reader = command.ExecuteReader();
        var (id, score, count) = (reader.GetOrdinal("id"), reader.GetOrdinal("score"), reader.GetOrdinal("total"));
        while (reader.Read())
        {
            found.Add((reader.GetString(id), reader.GetDouble(score)));
            total = reader.GetInt32(count);
        }

        return (found, total);
    }
}
