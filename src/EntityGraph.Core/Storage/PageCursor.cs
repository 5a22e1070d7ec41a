using System.Buffers.Text;
using System.Text.Json;

namespace EntityGraph.Core.Storage;

/// <summary>
/// Opaque page cursors, the same in every store: base64url of a small JSON object holding where a
/// page ended. Clients must treat them as opaque; a store rejects anything it did not issue with an
/// <see cref="ArgumentException"/> that says so.
/// </summary>
public static class PageCursor
{
    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

    public static T Decode<T>(string cursor, string parameterName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(cursor);
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
