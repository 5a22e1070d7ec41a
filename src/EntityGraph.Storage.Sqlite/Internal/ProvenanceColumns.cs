using EntityGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>Where a row carries a shipment's provenance: the shipment's id, its datasets and when it was first and last seen.</summary>
internal readonly record struct ProvenanceColumns(int Shipment, int Datasets, int FirstSeen, int LastSeen)
{
    /// <summary>The columns of a reader, the shipment's id in <paramref name="shipmentColumn"/>.</summary>
    public static ProvenanceColumns Of(SqliteDataReader reader, string shipmentColumn) => new(
        reader.GetOrdinal(shipmentColumn),
        reader.GetOrdinal("datasets"),
        reader.GetOrdinal("first_seen"),
        reader.GetOrdinal("last_seen"));

    /// <summary>The provenance in the current row.</summary>
    public Provenance Read(SqliteDataReader reader) => new(
        Json.ReadList(reader.GetString(Datasets)),
        reader.GetString(Shipment),
        ColumnValues.Time(reader, FirstSeen),
        ColumnValues.Time(reader, LastSeen));
}
