using System.Globalization;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>Where a shipment page ends: the first and last day its last shipment's date can mean (null when undated), and its id.</summary>
internal sealed record ShipmentPosition(string? Earliest, string? Latest, string Id)
{
    public static ShipmentPosition Of(Shipment shipment) =>
        new(Values.Day(shipment.Date?.Earliest), Values.Day(shipment.Date?.Latest), shipment.Id);

    public string Encode() => PageCursor.Encode(this);

    public static ShipmentPosition Decode(string cursor, string parameterName)
    {
        var position = PageCursor.Decode<ShipmentPosition>(cursor, parameterName);
        if (position.Id is null || !IsDay(position.Earliest) || !IsDay(position.Latest) || (position.Earliest is null) != (position.Latest is null))
            throw new ArgumentException($"The cursor '{cursor}' is not a cursor this store issued; pass the endCursor of a previous page unchanged.", parameterName);
        return position;
    }

    /// <summary>The <c>$after</c> parameter of <c>shipment-pages-*</c>.</summary>
    public Dictionary<string, object?> ToParameter() => new(StringComparer.Ordinal)
    {
        ["earliest"] = Earliest,
        ["latest"] = Latest,
        ["id"] = Id,
    };

    private static bool IsDay(string? text) =>
        text is null || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
