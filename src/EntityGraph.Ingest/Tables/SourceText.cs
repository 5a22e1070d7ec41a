using System.Text;

namespace EntityGraph.Ingest.Tables;

/// <summary>How FtM cleans a source value before mapping it: NFC, no control characters, trimmed; empty means no value.</summary>
public static class SourceText
{
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (!text.IsNormalized(NormalizationForm.FormC))
            text = text.Normalize(NormalizationForm.FormC);
        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0 || text.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') >= 0)
            text = RemoveControls(text);
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    private static string RemoveControls(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r' || !char.IsControl(c))
                kept.Append(c);
        }

        return kept.ToString();
    }
}
