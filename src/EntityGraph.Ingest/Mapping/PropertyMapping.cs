using System.Text.RegularExpressions;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Ingest.Tables;

namespace EntityGraph.Ingest.Mapping;

/// <summary>
/// How one property of a mapped entity gets its values from a row: from <c>column</c>/<c>columns</c> (joined with
/// <c>join</c>), <c>literal</c>/<c>literals</c>, a <c>template</c> such as <c>"{{street}}, {{city}}"</c>, or the id of
/// another entity of the same row (<c>entity</c>); each value split on <c>split</c>, dates read with <c>format</c>.
/// </summary>
public sealed partial class PropertyMapping
{
    internal PropertyMapping(FtmProperty property, long line)
    {
        Property = property;
        Line = line;
    }

    public FtmProperty Property { get; }

    /// <summary>The line of the mapping file that declares it.</summary>
    public long Line { get; }

    public IReadOnlyList<string> Columns { get; internal init; } = [];

    public IReadOnlyList<string> Literals { get; internal init; } = [];

    public string? Join { get; internal init; }

    public string? Split { get; internal init; }

    /// <summary>The name of the mapped entity whose id is the value.</summary>
    public string? Entity { get; internal init; }

    public string? Template { get; internal init; }

    public DateFormat? Format { get; internal init; }

    /// <summary>When true, a row where the property has no value makes no entity.</summary>
    public bool Required { get; internal init; }

    /// <summary>The columns a template names, <c>{{column}}</c>.</summary>
    public IReadOnlyList<string> TemplateColumns => Template is null ? [] : [.. TemplatePlaceholder().Matches(Template).Select(m => m.Groups[1].Value)];

    /// <summary>Every column the property reads.</summary>
    public IEnumerable<string> Refs => Columns.Concat(TemplateColumns);

    /// <summary>
    /// The values the row gives, in order, empty ones left out; a date that does not fit <see cref="Format"/> is a
    /// problem, never a dropped value.
    /// </summary>
    internal IReadOnlyList<string> Values(TableRow row, List<string> problems)
    {
        if (IsSingleColumn)
        {
            // The common case, one column as it is: no list to build, and nothing to split or join.
            return Cell(row) is { } cell && Kept(cell.Trim(), problems) is { } one ? [one] : [];
        }

        var values = RecordValues(row);
        if (Join is not null)
            values = values.Count == 0 ? [] : [string.Join(Join, values)];
        if (Split is not null)
            values = [.. values.SelectMany(v => v.Split(Split))];
        List<string>? kept = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (Kept(values[i].Trim(), problems) is { } value)
                (kept ??= new List<string>(values.Count - i)).Add(value);
        }

        return kept ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Where the single column is in the table read last; a mapping may be run over several tables, on several threads.</summary>
    private volatile Located? _located;

    /// <summary>The cell of the single column, found by its position in the row's table, which is looked up once per table.</summary>
    private string? Cell(TableRow row)
    {
        var located = _located;
        if (located is null || !ReferenceEquals(located.Header, row.Header))
            _located = located = new Located(row.Header, row.Header.IndexOf(Columns[0]));
        return located.Position >= 0 && located.Position < row.Cells.Length ? row.Cells[located.Position] : null;
    }

    private sealed record Located(TableHeader Header, int Position);

    private bool IsSingleColumn => Columns.Count == 1 && Literals.Count == 0 && Template is null && Join is null && Split is null;

    /// <summary>A trimmed value as the property keeps it: null when empty, a date read with <see cref="Format"/>.</summary>
    private string? Kept(string value, List<string> problems)
    {
        if (value.Length == 0)
            return null;
        if (Format is null)
            return value;
        if (Format.Read(value) is { } date)
            return date;
        problems.Add($"'{Property.Name}' value '{value}' does not fit the date format '{Format.Text}'");
        return null;
    }

    private List<string> RecordValues(TableRow row)
    {
        if (Template is not null)
        {
            var text = TemplatePlaceholder().Replace(Template, m => row.Get(m.Groups[1].Value) ?? "");
            return [text.Trim()];
        }

        var values = new List<string>(Literals.Count + Columns.Count);
        for (var i = 0; i < Literals.Count; i++)
            values.Add(Literals[i]);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (row.Get(Columns[i]) is { } value)
                values.Add(value);
        }

        return values;
    }

    [GeneratedRegex(@"{{([^(}})]*)}}")]
    private static partial Regex TemplatePlaceholder();
}
