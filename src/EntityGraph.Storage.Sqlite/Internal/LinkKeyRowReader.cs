using EntityGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Reads rows of (link id, carrying entity id), by column name, and the role link of a row that also
/// carries its shipment's provenance (the rows of <see cref="ShipmentRoleLinks.Around"/>).
/// </summary>
internal sealed class LinkKeyRowReader
{
    private readonly SqliteDataReader _reader;
    private readonly int _id;
    private readonly int _entity;
    private readonly ProvenanceColumns? _provenance;

    public LinkKeyRowReader(SqliteDataReader reader)
    {
        _reader = reader;
        _id = reader.GetOrdinal("id");
        _entity = reader.GetOrdinal("entity_id");
        if (ColumnValues.Has(reader, "datasets"))
            _provenance = ProvenanceColumns.Of(reader, "entity_id");
    }

    /// <summary>The link id and carrying entity id of the current row.</summary>
    public (string Id, string EntityId) Key() => (_reader.GetString(_id), _reader.GetString(_entity));

    /// <summary>The role link of the current row, built from the row alone; null for a row that is not one.</summary>
    public Link? RoleLink((string Id, string EntityId) key) =>
        _provenance is { } provenance && !_reader.IsDBNull(provenance.Datasets)
            ? ShipmentRoleLinks.Of(key.Id, key.EntityId, _reader, provenance)
            : null;
}
