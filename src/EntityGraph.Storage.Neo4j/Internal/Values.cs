using System.Globalization;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Storage.Neo4j.QueryApi;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>Reading the decoded values of a Query API result, and the property values the store writes.</summary>
internal static class Values
{
    private static readonly Dictionary<string, ChplTier> Tiers =
        Enum.GetValues<ChplTier>().ToDictionary(ChplList.Label, t => t, StringComparer.Ordinal);

    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static string RequiredText(object? value, string field) =>
        Text(value) ?? throw new InvalidOperationException($"Neo4j returned no value for '{field}'.");

    public static double? Number(object? value) => value switch
    {
        null => null,
        double d => d,
        long l => l,
        int i => i,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    public static long Integer(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        null => 0,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static IReadOnlyList<object?> List(object? value) => value switch
    {
        null => [],
        IReadOnlyList<object?> list => list,
        System.Collections.IEnumerable items and not string => items.Cast<object?>().ToList(),
        _ => throw new InvalidOperationException($"Expected a list from Neo4j, got {value.GetType().Name}."),
    };

    public static IReadOnlyList<string> Texts(object? value) => [.. List(value).Select(Text).OfType<string>()];

    public static IReadOnlyDictionary<string, object?> Map(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        _ => throw new InvalidOperationException($"Expected a map from Neo4j, got {value?.GetType().Name ?? "null"}."),
    };

    public static DateTimeOffset? Time(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => time,
        Neo4jZonedDateTime zoned => zoned.DateTime,
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        _ => throw new InvalidOperationException($"Expected a time from Neo4j, got {value.GetType().Name}."),
    };

    /// <summary>A time as the store writes it: ISO 8601 in UTC.</summary>
    public static string? Timestamp(DateTimeOffset? time) => time?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A day as Cypher's <c>date()</c> reads it.</summary>
    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Tier(ChplTier? tier) => tier is { } t ? ChplList.Label(t) : null;

    public static ChplTier? Tier(object? value) =>
        Text(value) is { } label ? Tiers.TryGetValue(label, out var tier) ? tier : throw new InvalidOperationException($"'{label}' is not a CHPL tier.") : null;

    /// <summary>A list property: null rather than empty, so that the node simply has no such property.</summary>
    public static string[]? NonEmpty(IEnumerable<string> values)
    {
        var list = values.ToArray();
        return list.Length > 0 ? list : null;
    }
}
