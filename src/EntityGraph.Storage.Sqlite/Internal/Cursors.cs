using System.Buffers.Text;
using System.Text.Json;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Opaque page cursors: base64url of a small JSON object. Clients must treat them as opaque; the
/// store rejects anything it did not issue with an <see cref="ArgumentException"/>.
/// </summary>
internal static class Cursors
{
    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

    public static T Decode<T>(string cursor, string parameterName)
        where T : class
    {
        try
        {
            var bytes = Base64Url.DecodeFromChars(cursor);
            return JsonSerializer.Deserialize<T>(bytes) ?? throw new FormatException();
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new ArgumentException(
                $"The cursor '{Truncate(cursor)}' is not a cursor this store issued; pass the endCursor of a previous page unchanged.",
                parameterName,
                ex);
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}

/// <summary>Where a search page ends: the number of hits before the next one.</summary>
internal sealed record SearchPosition(int Offset);

/// <summary>Where a shipment page ends: the sort key of its last shipment.</summary>
internal sealed record ShipmentPosition(long Day, long Span, string Id);
