using System.Globalization;
using System.Text;

namespace EntityGraph.Ingest.Mapping;

/// <summary>
/// A <c>strptime</c> date format from a mapping's <c>format:</c> (<c>"%d.%m.%Y"</c>): reads a whole value and writes
/// it as an ISO date prefix as precise as the format is — a format without a day gives <c>2022-03</c>, one with hours
/// and minutes <c>2022-03-01T10:15</c>. Supported: <c>%Y %y %m %d %j %b %B %h %H %M %S %f %%</c>; a space in the format
/// matches any run of white space, other characters match themselves regardless of case.
/// </summary>
public sealed class DateFormat
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private readonly string[] _parts;

    private DateFormat(string text, string[] parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The format as the mapping wrote it.</summary>
    public string Text { get; }

    /// <summary>Reads a format; null with a reason when it uses a directive this reader does not support.</summary>
    public static DateFormat? Parse(string format, out string? error)
    {
        ArgumentNullException.ThrowIfNull(format);
        var parts = new List<string>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                literal.Append(format[i]);
                continue;
            }

            if (i + 1 >= format.Length)
            {
                error = $"date format '{format}' ends with a lone '%'";
                return null;
            }

            var directive = format[++i];
            if (directive == '%')
            {
                literal.Append('%');
                continue;
            }

            if ("YymdjbBhHMSf".IndexOf(directive, StringComparison.Ordinal) < 0)
            {
                error = $"date format '{format}' uses %{directive}, which is not supported; use %Y %y %m %d %j %b %B %H %M %S %f";
                return null;
            }

            if (literal.Length > 0)
                parts.Add(literal.ToString());
            literal.Clear();
            parts.Add("%" + directive);
        }

        if (literal.Length > 0)
            parts.Add(literal.ToString());
        error = null;
        return new DateFormat(format, [.. parts]);
    }

    /// <summary>Reads <paramref name="value"/> whole; the ISO prefix, or null when the value does not fit the format.</summary>
    public string? Read(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fields = new Fields();
        var at = 0;
        foreach (var part in _parts)
        {
            if (part.Length == 2 && part[0] == '%')
            {
                if (!ReadDirective(part[1], value, ref at, ref fields))
                    return null;
            }
            else if (!ReadLiteral(part, value, ref at))
            {
                return null;
            }
        }

        return at == value.Length ? fields.ToIso() : null;
    }

    private static bool ReadLiteral(string literal, string value, ref int at)
    {
        foreach (var c in literal)
        {
            if (char.IsWhiteSpace(c))
            {
                // As strptime does, white space in the format matches any run of it, or none.
                while (at < value.Length && char.IsWhiteSpace(value[at]))
                    at++;
                continue;
            }

            if (at >= value.Length || char.ToLowerInvariant(value[at]) != char.ToLowerInvariant(c))
                return false;
            at++;
        }

        return true;
    }

    private static bool ReadDirective(char directive, string value, ref int at, ref Fields fields)
    {
        switch (directive)
        {
            case 'Y':
                return Digits(value, ref at, 4, 4, out fields.Year) && fields.Year >= 1;
            case 'y':
                if (!Digits(value, ref at, 2, 2, out var shortYear))
                    return false;
                fields.Year = shortYear < 69 ? 2000 + shortYear : 1900 + shortYear;
                return true;
            case 'm':
                return Digits(value, ref at, 1, 2, out fields.Month) && fields.Month is >= 1 and <= 12;
            case 'd':
                return Digits(value, ref at, 1, 2, out fields.Day) && fields.Day is >= 1 and <= 31;
            case 'j':
                return Digits(value, ref at, 1, 3, out fields.DayOfYear) && fields.DayOfYear is >= 1 and <= 366;
            case 'b' or 'B' or 'h':
                return MonthName(value, ref at, out fields.Month);
            case 'H':
                return Digits(value, ref at, 1, 2, out fields.Hour) && fields.Hour <= 23;
            case 'M':
                return Digits(value, ref at, 1, 2, out fields.Minute) && fields.Minute <= 59;
            case 'S':
                return Digits(value, ref at, 1, 2, out fields.Second) && fields.Second <= 61;
            default:
                return Digits(value, ref at, 1, 6, out _);
        }
    }

    private static bool Digits(string value, ref int at, int min, int max, out int number)
    {
        number = 0;
        var start = at;
        while (at < value.Length && at - start < max && char.IsAsciiDigit(value[at]))
            number = (number * 10) + (value[at++] - '0');
        return at - start >= min;
    }

    private static bool MonthName(string value, ref int at, out int month)
    {
        var rest = value.AsSpan(at);
        for (var i = 0; i < MonthNames.Length; i++)
        {
            var full = MonthNames[i];
            var length = rest.StartsWith(full, StringComparison.OrdinalIgnoreCase) ? full.Length
                : rest.StartsWith(full.AsSpan(0, 3), StringComparison.OrdinalIgnoreCase) ? 3 : 0;
            if (length > 0)
            {
                month = i + 1;
                at += length;
                return true;
            }
        }

        month = 0;
        return false;
    }

    /// <summary>The fields a value gave; -1 where the format has no such field.</summary>
    private struct Fields()
    {
        public int Year = -1;
        public int Month = -1;
        public int Day = -1;
        public int DayOfYear = -1;
        public int Hour = -1;
        public int Minute = -1;
        public int Second = -1;

        public readonly string? ToIso()
        {
            var year = Year < 0 ? 1900 : Year;
            int month = Month, day = Day;
            if (DayOfYear > 0)
            {
                if (DayOfYear > (DateTime.IsLeapYear(year) ? 366 : 365))
                    return null;
                var date = new DateOnly(year, 1, 1).AddDays(DayOfYear - 1);
                (month, day) = (date.Month, date.Day);
            }

            if (day > 0 && day > DateTime.DaysInMonth(year, month < 0 ? 1 : month))
                return null;
            // Written into a buffer on the stack: a table has a date in most of its rows.
            Span<char> iso = stackalloc char[19];
            var length = Write(iso, year, 4, '\0');
            if (month < 0)
                return day < 0 && Hour < 0 ? new string(iso[..length]) : null;
            length += Write(iso[length..], month, 2, '-');
            if (day < 0)
                return new string(iso[..length]);
            length += Write(iso[length..], day, 2, '-');
            if (Hour < 0)
                return new string(iso[..length]);
            length += Write(iso[length..], Hour, 2, 'T');
            if (Minute >= 0)
                length += Write(iso[length..], Minute, 2, ':');
            if (Minute >= 0 && Second >= 0)
                length += Write(iso[length..], Math.Min(Second, 59), 2, ':');
            return new string(iso[..length]);
        }

        /// <summary>Writes <paramref name="separator"/> (unless it is <c>\0</c>) and the number with at least <paramref name="digits"/> digits; the characters written.</summary>
        private static int Write(Span<char> into, int number, int digits, char separator)
        {
            var at = 0;
            if (separator != '\0')
                into[at++] = separator;
            number.TryFormat(into[at..], out var written, digits == 4 ? "D4" : "D2", CultureInfo.InvariantCulture);
            return at + written;
        }
    }
}
