using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Reads <see cref="Trade"/>s from rows that carry <see cref="Columns"/>, by column name: the ordinals
/// are looked up once per reader, not per row.
/// </summary>
internal sealed class TradeRowReader
{
    /// <summary>The columns a trade is read from, on a table aliased <c>s</c>.</summary>
    public const string Columns = "s.id, s.sender_id, s.receiver_id, s.date, s.value_usd, s.tier, s.hs";

    private readonly SqliteDataReader _reader;
    private readonly int _id;
    private readonly int _sender;
    private readonly int _receiver;
    private readonly int _date;
    private readonly int _value;
    private readonly int _tier;
    private readonly int _hs;

    public TradeRowReader(SqliteDataReader reader)
    {
        _reader = reader;
        _id = reader.GetOrdinal("id");
        _sender = reader.GetOrdinal("sender_id");
        _receiver = reader.GetOrdinal("receiver_id");
        _date = reader.GetOrdinal("date");
        _value = reader.GetOrdinal("value_usd");
        _tier = reader.GetOrdinal("tier");
        _hs = reader.GetOrdinal("hs");
    }

    /// <summary>The trade of the current row.</summary>
    public Trade Read()
    {
        var r = _reader;
        return new Trade(
            r.GetString(_id),
            ColumnValues.Text(r, _sender),
            ColumnValues.Text(r, _receiver),
            r.IsDBNull(_date) ? null : PartialDate.Parse(r.GetString(_date)),
            r.IsDBNull(_value) ? null : r.GetDouble(_value),
            r.IsDBNull(_tier) ? null : (ChplTier)r.GetInt32(_tier),
            r.IsDBNull(_hs) ? null : HsCode.Normalize(r.GetString(_hs)));
    }
}
