using System.Globalization;
using System.Text.RegularExpressions;

namespace EntityGraph.Core.Model;

/// <summary>
/// An ownership percentage as the source wrote it (<c>"51%"</c>, <c>"51.5 %"</c>, <c>"50-75%"</c>,
/// <c>"majority"</c>) and what can be read from it as numbers. Unknown stakes are never guessed.
/// </summary>
public sealed partial record OwnershipShare
{
    /// <summary>The text as given.</summary>
    public required string Text { get; init; }

    /// <summary>The lower bound in percent (equal to <see cref="Maximum"/> for an exact stake), or null.</summary>
    public double? Minimum { get; init; }

    /// <summary>The upper bound in percent, or null.</summary>
    public double? Maximum { get; init; }

    /// <summary>The exact stake in percent, when the source gives one number.</summary>
    public double? Exact => Minimum is { } min && Maximum is { } max && min == max ? min : null;

    public bool IsRange => Minimum is { } min && Maximum is { } max && min != max;

    /// <summary>Whether a number could be read.</summary>
    public bool IsNumeric => Minimum is not null;

    /// <summary>
    /// Reads a stake. Returns null for empty text. A number outside 0–100 is kept as text and
    /// reported through <paramref name="error"/>; non-numeric text is kept with no number.
    /// </summary>
    public static OwnershipShare? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var match = ShareSyntax().Match(text);
        if (!match.Success)
            return new OwnershipShare { Text = text };
        var low = double.Parse(match.Groups["low"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var high = match.Groups["high"].Success
            ? double.Parse(match.Groups["high"].Value.Replace(',', '.'), CultureInfo.InvariantCulture)
            : low;
        if (low is < 0 or > 100 || high is < 0 or > 100)
        {
            error = $"percentage '{text}' is outside 0–100";
            return new OwnershipShare { Text = text };
        }

        if (high < low)
        {
            error = $"percentage range '{text}' runs backwards";
            return new OwnershipShare { Text = text };
        }

        return new OwnershipShare { Text = text, Minimum = low, Maximum = high };
    }

    [GeneratedRegex(@"^\s*(?<low>-?\d+(?:[.,]\d+)?)\s*%?\s*(?:(?:-|–|to)\s*(?<high>-?\d+(?:[.,]\d+)?)\s*%?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ShareSyntax();
}
