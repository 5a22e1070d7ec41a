using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EntityGraph.Storage.Neo4j.QueryApi.Internal;

/// <summary>
/// Decodes Neo4j's typed JSON (<c>{"$type": "...", "_value": ...}</c>) into .NET values. A value without
/// a <c>$type</c> wrapper is read as plain JSON, so a server that answers in plain JSON still parses.
/// </summary>
internal static partial class TypedJsonReader
{
    public static object? Read(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            var value = element.TryGetProperty("_value", out var v) ? v : default;
            return ReadTyped(type.GetString()!, value);
        }

        return ReadPlain(element);
    }

    private static object? ReadTyped(string type, JsonElement value)
    {
        try
        {
            return type switch
            {
                "Null" => null,
                "Boolean" => value.GetBoolean(),
                "Integer" => value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Float" => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : ParseFloat(value.GetString()!),
                "String" => value.GetString(),
                "Base64" => Convert.FromBase64String(value.GetString()!),
                "List" => value.EnumerateArray().Select(Read).ToList(),
                "Map" => ReadMap(value),
                "Date" => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                "LocalTime" => ParseLocalTime(value.GetString()!),
                "Time" => ParseTime(value.GetString()!),
                "LocalDateTime" => ParseLocalDateTime(value.GetString()!),
                "OffsetDateTime" => ParseOffsetDateTime(value.GetString()!),
                "ZonedDateTime" => ParseZonedDateTime(value.GetString()!),
                "Duration" => ParseDuration(value.GetString()!),
                "Point" => ParsePoint(value.GetString()!),
                "Node" => ReadNode(value),
                "Relationship" => ReadRelationship(value),
                "Path" => ReadPath(value),
                _ => throw new Neo4jException("EntityGraph.QueryApi.UnknownType", $"Neo4j returned a value of type '{type}', which this client does not decode."),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or KeyNotFoundException or ArgumentException)
        {
            var raw = value.ValueKind == JsonValueKind.Undefined ? "no _value" : value.GetRawText();
            raw = raw.Length > 120 ? raw[..120] + "…" : raw;
            throw new Neo4jException("EntityGraph.QueryApi.BadValue", $"Neo4j returned a {type} value this client cannot read ({raw}): {e.Message}", innerException: e);
        }
    }

    private static object? ReadPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(Read).ToList(),
        JsonValueKind.Object => ReadMap(element),
        _ => throw new Neo4jException("EntityGraph.QueryApi.BadValue", $"Unexpected JSON {element.ValueKind} in a Neo4j result."),
    };

    private static Dictionary<string, object?> ReadMap(JsonElement value)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = Read(property.Value);
        }

        return map;
    }

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // Neo4j writes up to nine fractional digits; .NET keeps seven (100 ns ticks), so the rest is cut.
    private static string TrimFraction(string text) => ExcessFraction().Replace(text, "$1");

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex ExcessFraction();

    private static TimeOnly ParseLocalTime(string text) =>
        TimeOnly.Parse(TrimFraction(text), CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static Neo4jTime ParseTime(string text)
    {
        var match = TimeWithOffset().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a time with an offset.");
        }

        var offset = match.Groups["offset"].Value is "Z" ? TimeSpan.Zero : ParseOffset(match.Groups["offset"].Value);
        return new Neo4jTime(ParseLocalTime(match.Groups["time"].Value), offset);
    }

    [GeneratedRegex(@"^(?<time>\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(?<offset>Z|[+-]\d{2}:?\d{2}(:?\d{2})?)$")]
    private static partial Regex TimeWithOffset();

    private static TimeSpan ParseOffset(string text)
    {
        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits[2..4], CultureInfo.InvariantCulture);
        var seconds = digits.Length >= 6 ? int.Parse(digits[4..6], CultureInfo.InvariantCulture) : 0;
        return sign * new TimeSpan(hours, minutes, seconds);
    }

    private static DateTime ParseLocalDateTime(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(TrimFraction(text), CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Unspecified);

    private static DateTimeOffset ParseOffsetDateTime(string text) =>
        DateTimeOffset.Parse(TrimFraction(text), CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static Neo4jZonedDateTime ParseZonedDateTime(string text)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !text.EndsWith(']'))
        {
            // Neo4j writes a zone given only as an offset without a bracketed name.
            var instant = ParseOffsetDateTime(text);
            return new Neo4jZonedDateTime(instant, FormatOffset(instant.Offset));
        }

        var zone = text[(open + 1)..^1];
        var dateTime = text[..open];
        if (HasOffset().IsMatch(dateTime))
        {
            return new Neo4jZonedDateTime(ParseOffsetDateTime(dateTime), zone);
        }

        var local = ParseLocalDateTime(dateTime);
        var offset = TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local);
        return new Neo4jZonedDateTime(new DateTimeOffset(local, offset), zone);
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex HasOffset();

    private static string FormatOffset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "Z" : (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static Neo4jDuration ParseDuration(string text)
    {
        var match = IsoDuration().Match(text);
        if (!match.Success || text is "P" || text.EndsWith('T'))
        {
            throw new FormatException($"'{text}' is not an ISO 8601 duration.");
        }

        long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;

        var months = (Part("years") * 12) + Part("months");
        var days = (Part("weeks") * 7) + Part("days");
        var seconds = (Part("hours") * 3600) + (Part("minutes") * 60);
        var nanoseconds = 0L;
        if (match.Groups["seconds"].Success)
        {
            var value = match.Groups["seconds"].Value;
            var negative = value.StartsWith('-');
            var parts = value.TrimStart('-', '+').Split('.');
            var whole = long.Parse(parts[0], CultureInfo.InvariantCulture);
            var fraction = parts.Length > 1 ? long.Parse(parts[1].PadRight(9, '0')[..9], CultureInfo.InvariantCulture) : 0;
            var totalNanos = (whole * 1_000_000_000L) + fraction;
            totalNanos = negative ? -totalNanos : totalNanos;
            seconds += Math.DivRem(totalNanos, 1_000_000_000L, out nanoseconds);
        }

        // Normalise so that the nanoseconds are never negative, as Neo4j does.
        if (nanoseconds < 0)
        {
            seconds -= 1;
            nanoseconds += 1_000_000_000L;
        }

        return new Neo4jDuration(months, days, seconds, (int)nanoseconds);
    }

    [GeneratedRegex(@"^P(?:(?<years>[+-]?\d+)Y)?(?:(?<months>[+-]?\d+)M)?(?:(?<weeks>[+-]?\d+)W)?(?:(?<days>[+-]?\d+)D)?(?:T(?:(?<hours>[+-]?\d+)H)?(?:(?<minutes>[+-]?\d+)M)?(?:(?<seconds>[+-]?\d+(?:\.\d+)?)S)?)?$")]
    private static partial Regex IsoDuration();

    private static Neo4jPoint ParsePoint(string text)
    {
        var match = WktPoint().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a point in the form 'SRID=n;POINT (x y)'.");
        }

        var srid = int.Parse(match.Groups["srid"].Value, CultureInfo.InvariantCulture);
        var coordinates = match.Groups["coordinates"].Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToList();
        return coordinates.Count switch
        {
            2 => new Neo4jPoint(srid, coordinates[0], coordinates[1]),
            3 => new Neo4jPoint(srid, coordinates[0], coordinates[1], coordinates[2]),
            _ => throw new FormatException($"'{text}' has {coordinates.Count} coordinates; a point has 2 or 3."),
        };
    }

    [GeneratedRegex(@"^SRID=(?<srid>\d+);\s*POINT\s*(?:Z\s*)?\(\s*(?<coordinates>[^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex WktPoint();

    private static Neo4jNode ReadNode(JsonElement value) => new(
        value.GetProperty("_element_id").GetString()!,
        value.TryGetProperty("_labels", out var labels) ? labels.EnumerateArray().Select(l => l.GetString()!).ToList() : [],
        value.TryGetProperty("_properties", out var properties) ? ReadMap(properties) : new Dictionary<string, object?>());

    private static Neo4jRelationship ReadRelationship(JsonElement value) => new(
        value.GetProperty("_element_id").GetString()!,
        value.GetProperty("_start_node_element_id").GetString()!,
        value.GetProperty("_end_node_element_id").GetString()!,
        value.GetProperty("_type").GetString()!,
        value.TryGetProperty("_properties", out var properties) ? ReadMap(properties) : new Dictionary<string, object?>());

    private static Neo4jPath ReadPath(JsonElement value)
    {
        var nodes = new List<Neo4jNode>();
        var relationships = new List<Neo4jRelationship>();
        foreach (var element in value.EnumerateArray())
        {
            switch (Read(element))
            {
                case Neo4jNode node:
                    nodes.Add(node);
                    break;
                case Neo4jRelationship relationship:
                    relationships.Add(relationship);
                    break;
                default:
                    throw new FormatException("A path holds only nodes and relationships.");
            }
        }

        if (nodes.Count != relationships.Count + 1)
        {
            throw new FormatException($"A path of {relationships.Count} relationships needs {relationships.Count + 1} nodes, not {nodes.Count}.");
        }

        return new Neo4jPath(nodes, relationships);
    }
}
