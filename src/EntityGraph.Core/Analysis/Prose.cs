using System.Globalization;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis;

/// <summary>How the sentences investigators quote are put together.</summary>
internal static class Prose
{
    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    /// <summary>A stake to four decimals at most, without trailing zeros: "50%", "33.3333%".</summary>
    public static string Percent(double percent) => Math.Round(percent, 4).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// "OFAC, RUSSIA-EO14024"; with <paramref name="since"/>, the day the listing started too:
    /// "OFAC, RUSSIA-EO14024, since 2022-06-28".
    /// </summary>
    public static string Cite(Sanction sanction, bool since = false)
    {
        var text = ShortAuthority(sanction.Authority);
        if (sanction.Program is { } program)
            text += ", " + program;
        if (since && (sanction.StartDate ?? sanction.ListingDate) is { } start)
            text += ", since " + start;
        return text;
    }

    /// <summary>The authority as investigators say it: "EU" for the European Union, the part after a dash ("… – OFAC").</summary>
    public static string ShortAuthority(string? authority)
    {
        if (string.IsNullOrWhiteSpace(authority))
            return "an unnamed authority";
        if (authority.Contains("European Union", StringComparison.OrdinalIgnoreCase))
            return "EU";
        var dash = authority.LastIndexOfAny(['–', '—']);
        return dash >= 0 ? authority[(dash + 1)..].Trim() : authority;
    }
}
