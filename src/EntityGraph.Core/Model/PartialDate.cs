using System.Globalization;

namespace EntityGraph.Core.Model;

/// <summary>
/// An ISO-8601 date that may be known only to the year or month (<c>2021</c>, <c>2021-02</c>,
/// <c>2021-02-17</c>), as FollowTheMoney writes dates. The precision is kept: a partial date
/// covers a range of days from <see cref="Earliest"/> to <see cref="Latest"/>.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int month, int day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    /// <summary>1–12, or 0 when only the year is known.</summary>
    public int Month { get; }

    /// <summary>1–31, or 0 when the day is not known.</summary>
    public int Day { get; }

    public DatePrecision Precision => Day > 0 ? DatePrecision.Day : Month > 0 ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day the date can mean.</summary>
    public DateOnly Earliest => new(Year, Month == 0 ? 1 : Month, Day == 0 ? 1 : Day);

    /// <summary>The last day the date can mean.</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Day => new DateOnly(Year, Month, Day),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new DateOnly(Year, 12, 31),
    };

    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not an ISO date or date prefix (YYYY, YYYY-MM or YYYY-MM-DD).");

    /// <summary>
    /// Reads <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>; a time part after <c>T</c> or a space is
    /// accepted and dropped (FollowTheMoney dates may carry one).
    /// </summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var span = text.AsSpan().Trim();
        var cut = span.IndexOfAny('T', ' ');
        if (cut >= 0)
        {
            if (cut != 10 || !IsTime(span[(cut + 1)..]))
                return false;
            span = span[..cut];
        }

        if (span.Length is not (4 or 7 or 10))
            return false;
        if (!TryDigits(span[..4], out var year) || year < 1)
            return false;
        var month = 0;
        var day = 0;
        if (span.Length >= 7)
        {
            if (span[4] != '-' || !TryDigits(span[5..7], out month) || month is < 1 or > 12)
                return false;
        }

        if (span.Length == 10)
        {
            if (span[7] != '-' || !TryDigits(span[8..10], out day) || day < 1 || day > DateTime.DaysInMonth(year, month))
                return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    private static bool IsTime(ReadOnlySpan<char> time) =>
        time.Length >= 2 && char.IsAsciiDigit(time[0]) && char.IsAsciiDigit(time[1]);

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                value = 0;
                return false;
            }
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Orders by earliest day, then by precision (coarser first).</summary>
    public int CompareTo(PartialDate other)
    {
        var byDay = Earliest.CompareTo(other.Earliest);
        return byDay != 0 ? byDay : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}
