using System.Runtime.CompilerServices;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Every shipment as a trade with its links, for the trade index: the shipments table in one scan,
/// with the roles kept as link rows and the shipments other links touch read beforehand.
/// </summary>
internal static class TradeStreamSql
{
    /// <summary>The trades of the store, read on a connection of <paramref name="open"/>.</summary>
    public static async IAsyncEnumerable<Trade> ReadAsync(Func<SqliteConnection> open, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var connection = open();
        // The three reads see the same data: one read transaction around them.
        using var transaction = connection.BeginTransaction(deferred: true);
        var others = OtherRoles(transaction);
        var linked = LinkedShipments(transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {TradeRowReader.Columns}, s.datasets, s.first_seen, s.last_seen, s.declarant_id FROM shipments s";
        using var reader = command.ExecuteReader();
        var trades = new TradeRowReader(reader);
        var (datasetsColumn, firstSeen, lastSeen, declarant) =
            (reader.GetOrdinal("datasets"), reader.GetOrdinal("first_seen"), reader.GetOrdinal("last_seen"), reader.GetOrdinal("declarant_id"));
        // Shipments share a handful of dataset lists; each is read once.
        var datasets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trade = trades.Read();
            var list = reader.GetString(datasetsColumn);
            if (!datasets.TryGetValue(list, out var read))
                datasets[list] = read = Json.ReadList(list);
            var roles = others.GetValueOrDefault(trade.ShipmentId);
            IReadOnlyList<string> declarants = reader.IsDBNull(declarant) ? [] : [reader.GetString(declarant)];
            if (roles.Declarants is { } more)
                declarants = [.. declarants, .. more];
            yield return trade with
            {
                Links = new TradeLinks(
                    read,
                    ColumnValues.Time(reader, firstSeen),
                    ColumnValues.Time(reader, lastSeen),
                    roles.Senders ?? [],
                    roles.Receivers ?? [],
                    declarants,
                    linked.Contains(trade.ShipmentId)),
            };
        }
    }

    /// <summary>
    /// The senders, receivers and declarants after each shipment's first, which are kept as link rows, by
    /// shipment, in link id order.
    /// </summary>
    private static Dictionary<string, (List<string>? Senders, List<string>? Receivers, List<string>? Declarants)> OtherRoles(SqliteTransaction transaction)
    {
        var others = new Dictionary<string, (List<string>? Senders, List<string>? Receivers, List<string>? Declarants)>(StringComparer.Ordinal);
        using var command = RoleKindsCommand(
            transaction,
            "SELECT l.entity_id, l.kind, l.source_id, l.target_id FROM links l WHERE l.kind IN ($sent, $received, $declared) ORDER BY l.entity_id, l.id");
        using var reader = command.ExecuteReader();
        var (entity, kind, source, target) = (reader.GetOrdinal("entity_id"), reader.GetOrdinal("kind"), reader.GetOrdinal("source_id"), reader.GetOrdinal("target_id"));
        while (reader.Read())
        {
            var shipment = reader.GetString(entity);
            var (senders, receivers, declarants) = others.GetValueOrDefault(shipment);
            // A receiver is the target of its link; a sender or declarant the source.
            switch ((LinkKind)reader.GetInt32(kind))
            {
                case LinkKind.Sent:
                    (senders ??= []).Add(reader.GetString(source));
                    break;
                case LinkKind.Received:
                    (receivers ??= []).Add(reader.GetString(target));
                    break;
                default:
                    (declarants ??= []).Add(reader.GetString(source));
                    break;
            }

            others[shipment] = (senders, receivers, declarants);
        }

        return others;
    }

    /// <summary>The shipments that links other than their role links start or end at (rare: shipments are linked through their roles).</summary>
    private static HashSet<string> LinkedShipments(SqliteTransaction transaction)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        using var command = RoleKindsCommand(
            transaction,
            """
            SELECT l.source_id AS shipment_id FROM links l JOIN shipments s ON s.id = l.source_id WHERE l.kind NOT IN ($sent, $received, $declared)
            UNION
            SELECT l.target_id FROM links l JOIN shipments s ON s.id = l.target_id WHERE l.kind NOT IN ($sent, $received, $declared)
            """);
        using var reader = command.ExecuteReader();
        var shipment = reader.GetOrdinal("shipment_id");
        while (reader.Read())
            linked.Add(reader.GetString(shipment));
        return linked;
    }

    /// <summary>A command in the transaction with the role link kinds bound as <c>$sent</c>, <c>$received</c> and <c>$declared</c>.</summary>
    private static SqliteCommand RoleKindsCommand(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sent", (long)LinkKind.Sent);
        command.Parameters.AddWithValue("$received", (long)LinkKind.Received);
        command.Parameters.AddWithValue("$declared", (long)LinkKind.Declared);
        return command;
    }
}
