using System.Globalization;
using System.Text.RegularExpressions;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>
/// Numbers as FtM's <c>number</c> type reads them: an optional minus, digits with <c>,</c> between groups of
/// three as the thousands separator (<c>1,234.50</c>; not <c>12,5</c>), an optional <c>.</c> and decimals, and for measurements a unit after them
/// (<c>120 sqm</c>). No exponents, no <c>NaN</c> or infinity, nothing too large for a double: FtM reads
/// <c>1e999</c> as 1 with the unit <c>e999</c>, which no data means, so it is not a number here.
/// </summary>
public static partial class FtmNumber
{
    /// <summary>Reads a value that must be a plain number, such as an amount of money.</summary>
    public static bool TryParse(string? value, out double number) => TryParse(value, allowUnit: false, out number);

    /// <summary>Reads a value that must be a number, followed by a unit when <paramref name="allowUnit"/> is true.</summary>
    public static bool TryParse(string? value, bool allowUnit, out double number)
    {
        number = 0;
        if (value is null)
            return false;
        if (IsPlainDecimal(value))
        {
            // Most amounts are plain ASCII digits with at most a decimal point, which the pattern reads as they are.
            return double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
                && double.IsFinite(number);
        }

        var match = Number().Match(value);
        if (!match.Success || (match.Groups["unit"].Success && !allowUnit))
            return false;
        var digits = match.Groups["number"].Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        return double.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    /// <summary>Whether the value is <c>-?[0-9]+(\.[0-9]+)?</c>, read by the pattern as it is.</summary>
    private static bool IsPlainDecimal(string value)
    {
        var span = value.AsSpan();
        if (span.StartsWith('-'))
            span = span[1..];
        var point = span.IndexOf('.');
        var whole = point < 0 ? span : span[..point];
        var fraction = point < 0 ? "1".AsSpan() : span[(point + 1)..];
        return whole.Length > 0 && fraction.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }

    // FtM's pattern, read whole; commas only between groups of three digits (12,5 is no thousands separator but a
    // decimal comma, which would be read ten times too large); a unit starts with neither a digit nor an exponent.
    [GeneratedRegex(@"^\s*(?<number>-?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s*(?<unit>(?![eE][+-]?\d)[^\s\d.,\-+]\S*))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
