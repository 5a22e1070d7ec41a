using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EntityGraph.Storage.Neo4j.QueryApi.Internal;

/// <summary>
/// Encodes query parameters as Neo4j typed JSON, so that an integer stays an INTEGER and a date a
/// DATE on the server. Anything else serialisable (records, anonymous objects) goes through
/// System.Text.Json first and is then written as maps, lists and scalars.
/// </summary>
internal static class TypedJsonWriter
{
    private const int MaxDepth = 64;

    public static void WriteParameters(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> parameters)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in parameters)
        {
            writer.WritePropertyName(name);
            Write(writer, value, "$" + name, 0);
        }

        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, object? value, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"Parameter {path} nests deeper than {MaxDepth} levels; is it cyclic?");
        }

        // Scalars first: a string and a byte array are enumerable too.
        if (ScalarOf(value) is var (type, text))
        {
            Scalar(writer, type, text);
            return;
        }

        switch (value)
        {
            case null:
                writer.WriteStartObject();
                writer.WriteString("$type", "Null");
                writer.WriteNull("_value");
                writer.WriteEndObject();
                break;
            case bool b:
                writer.WriteStartObject();
                writer.WriteString("$type", "Boolean");
                writer.WriteBoolean("_value", b);
                writer.WriteEndObject();
                break;
            case JsonElement element:
                WriteJson(writer, element, path, depth);
                break;
            case IDictionary<string, object?> map:
                WriteMap(writer, map, path, depth);
                break;
            case IReadOnlyDictionary<string, object?> map:
                WriteMap(writer, map, path, depth);
                break;
            case IDictionary map:
                WriteMap(writer, Entries(map, path), path, depth);
                break;
            case IEnumerable list:
                writer.WriteStartObject();
                writer.WriteString("$type", "List");
                writer.WriteStartArray("_value");
                var index = 0;
                foreach (var item in list)
                {
                    Write(writer, item, $"{path}[{index++}]", depth + 1);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                WriteJson(writer, JsonSerializer.SerializeToElement(value, value.GetType()), path, depth);
                break;
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary map, string path)
    {
        foreach (DictionaryEntry entry in map)
        {
            var key = entry.Key as string ?? throw new ArgumentException($"Parameter {path} is a map with a {entry.Key.GetType().Name} key; Cypher maps have string keys.");
            yield return new(key, entry.Value);
        }
    }

    /// <summary>The typed-JSON type and text of a value written as a string, or null for anything else.</summary>
    private static (string Type, string Text)? ScalarOf(object? value) => value switch
    {
        string s => ("String", s),
        char c => ("String", c.ToString()),
        Guid g => ("String", g.ToString()),
        Enum e => ("String", e.ToString()),
        sbyte or byte or short or ushort or int or uint or long => ("Integer", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        ulong u => ("Integer", checked((long)u).ToString(CultureInfo.InvariantCulture)),
        BigInteger big => ("Integer", ((long)big).ToString(CultureInfo.InvariantCulture)),
        float f => ("Float", FormatFloat(f)),
        double d => ("Float", FormatFloat(d)),
        decimal m => ("Float", FormatFloat((double)m)),
        byte[] bytes => ("Base64", Convert.ToBase64String(bytes)),
        DateOnly date => ("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly time => ("LocalTime", time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        DateTime dateTime when dateTime.Kind == DateTimeKind.Utc => ("OffsetDateTime", dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture).Replace(".Z", "Z", StringComparison.Ordinal)),
        DateTime dateTime => ("LocalDateTime", dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        DateTimeOffset offset => ("OffsetDateTime", FormatOffsetDateTime(offset)),
        TimeSpan span => ("Duration", FormatDuration(new Neo4jDuration(0, 0, span.Ticks / TimeSpan.TicksPerSecond, (int)(span.Ticks % TimeSpan.TicksPerSecond * 100)))),
        Neo4jDuration duration => ("Duration", FormatDuration(duration)),
        Neo4jTime zonedTime => ("Time", zonedTime.Time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + FormatOffset(zonedTime.Offset)),
        Neo4jZonedDateTime zoned => ("ZonedDateTime", FormatOffsetDateTime(zoned.DateTime) + "[" + zoned.Zone + "]"),
        Neo4jPoint point => ("Point", FormatPoint(point)),
        _ => null,
    };

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> map, string path, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString("$type", "Map");
        writer.WriteStartObject("_value");
        foreach (var (key, item) in map)
        {
            writer.WritePropertyName(key);
            Write(writer, item, path + "." + key, depth + 1);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteJson(Utf8JsonWriter writer, JsonElement element, string path, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteMap(writer, element.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)), path, depth);
                break;
            case JsonValueKind.Array:
                Write(writer, element.EnumerateArray().Cast<object?>().ToList(), path, depth);
                break;
            case JsonValueKind.String:
                Write(writer, element.GetString(), path, depth);
                break;
            case JsonValueKind.Number:
                Write(writer, element.TryGetInt64(out var l) ? l : element.GetDouble(), path, depth);
                break;
            case JsonValueKind.True:
                Write(writer, true, path, depth);
                break;
            case JsonValueKind.False:
                Write(writer, false, path, depth);
                break;
            default:
                Write(writer, null, path, depth);
                break;
        }
    }

    private static void Scalar(Utf8JsonWriter writer, string type, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("$type", type);
        writer.WriteString("_value", value);
        writer.WriteEndObject();
    }

    private static string FormatFloat(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string FormatOffset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "Z" : (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static string FormatOffsetDateTime(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + FormatOffset(value.Offset);

    private static string FormatDuration(Neo4jDuration duration)
    {
        var seconds = duration.Seconds + (duration.Nanoseconds / 1_000_000_000m);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"P{duration.Months}M{duration.Days}DT{seconds.ToString("0.#########", CultureInfo.InvariantCulture)}S");
    }

    private static string FormatPoint(Neo4jPoint point) => point.Z is { } z
        ? string.Create(CultureInfo.InvariantCulture, $"SRID={point.Srid};POINT Z ({point.X:R} {point.Y:R} {z:R})")
        : string.Create(CultureInfo.InvariantCulture, $"SRID={point.Srid};POINT ({point.X:R} {point.Y:R})");
}
