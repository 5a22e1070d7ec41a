using EntityGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Reads <see cref="Shipment"/>s from rows that carry <see cref="ShipmentRows.Columns"/>, by column
/// name: the ordinals are looked up once per reader, not per row.
/// </summary>
internal sealed class ShipmentRowReader
{
    private readonly SqliteDataReader _reader;
    private readonly int _id;
    private readonly int _date;
    private readonly int _sender;
    private readonly int _receiver;
    private readonly int _declarant;
    private readonly int _hs;
    private readonly int _tier;
    private readonly int _goods;
    private readonly int _value;
    private readonly int _origin;
    private readonly int _departure;
    private readonly int _destination;
    private readonly int _trading;
    private readonly int _datasets;
    private readonly int _firstSeen;
    private readonly int _lastSeen;

    public ShipmentRowReader(SqliteDataReader reader)
    {
        _reader = reader;
        _id = reader.GetOrdinal("id");
        _date = reader.GetOrdinal("date");
        _sender = reader.GetOrdinal("sender_id");
        _receiver = reader.GetOrdinal("receiver_id");
        _declarant = reader.GetOrdinal("declarant_id");
        _hs = reader.GetOrdinal("hs");
        _tier = reader.GetOrdinal("tier");
        _goods = reader.GetOrdinal("goods");
        _value = reader.GetOrdinal("value_usd");
        _origin = reader.GetOrdinal("origin_country");
        _departure = reader.GetOrdinal("departure_country");
        _destination = reader.GetOrdinal("destination_country");
        _trading = reader.GetOrdinal("trading_country");
        _datasets = reader.GetOrdinal("datasets");
        _firstSeen = reader.GetOrdinal("first_seen");
        _lastSeen = reader.GetOrdinal("last_seen");
    }

    /// <summary>Every shipment the command returns, in its order.</summary>
    public static List<Shipment> ReadAll(SqliteCommand command)
    {
        var shipments = new List<Shipment>();
        using var reader = command.ExecuteReader();
        var rows = new ShipmentRowReader(reader);
        while (reader.Read())
            shipments.Add(rows.Read());
        return shipments;
    }

    /// <summary>The shipment of the current row.</summary>
    public Shipment Read()
    {
        var r = _reader;
        var id = r.GetString(_id);
        return new Shipment
        {
            Id = id,
            Date = r.IsDBNull(_date) ? null : PartialDate.Parse(r.GetString(_date)),
            SenderId = ColumnValues.Text(r, _sender),
            ReceiverId = ColumnValues.Text(r, _receiver),
            DeclarantId = ColumnValues.Text(r, _declarant),
            HsCode = HsCode.Normalize(ColumnValues.Text(r, _hs)),
            ChplTier = r.IsDBNull(_tier) ? null : (ChplTier)r.GetInt32(_tier),
            GoodsDescription = ColumnValues.Text(r, _goods),
            ValueUsd = r.IsDBNull(_value) ? null : r.GetDouble(_value),
            OriginCountry = ColumnValues.Text(r, _origin),
            DepartureCountry = ColumnValues.Text(r, _departure),
            DestinationCountry = ColumnValues.Text(r, _destination),
            TradingCountry = ColumnValues.Text(r, _trading),
            Provenance = new Provenance(Json.ReadList(r.GetString(_datasets)), id, ColumnValues.Time(r, _firstSeen), ColumnValues.Time(r, _lastSeen)),
        };
    }
}
