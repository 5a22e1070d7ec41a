namespace EntityGraph.Core.Model;

/// <summary>
/// A Harmonized System goods code, normalised to its digits (<c>8542.31.00</c> → <c>85423100</c>).
/// The first six digits are the internationally shared HS-6 code.
/// </summary>
public readonly record struct HsCode
{
    private HsCode(string digits) => Digits = digits;

    public string Digits { get; }

    /// <summary>The HS-6 code, or null when fewer than six digits are known.</summary>
    public string? Hs6 => Digits.Length >= 6 ? Digits[..6] : null;

    /// <summary>The HS-4 heading, or null when fewer than four digits are known.</summary>
    public string? Hs4 => Digits.Length >= 4 ? Digits[..4] : null;

    /// <summary>Keeps the digits of <paramref name="text"/>; null when there are fewer than two.</summary>
    public static HsCode? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        // Codes as customs records give them are digits already, and are kept as they are.
        if (text.Length is >= 2 and <= 32 && !text.AsSpan().ContainsAnyExceptInRange('0', '9'))
            return new HsCode(text);
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 32)];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && n < buffer.Length)
                buffer[n++] = c;
        }

        return n >= 2 ? new HsCode(new string(buffer[..n])) : null;
    }

    /// <summary>Whether the code starts with the digits of <paramref name="prefix"/> (dots and spaces ignored).</summary>
    public bool StartsWith(string prefix)
    {
        var normal = Normalize(prefix);
        return normal is { } p && Digits.StartsWith(p.Digits, StringComparison.Ordinal);
    }

    public override string ToString() => Digits;
}
