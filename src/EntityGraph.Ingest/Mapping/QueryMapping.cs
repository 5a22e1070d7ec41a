namespace EntityGraph.Ingest.Mapping;

/// <summary>
/// One query of a mapping: the tables it reads (<c>csv_url</c>/<c>csv_urls</c>, with <c>sheet</c> for Excel), the rows
/// it keeps (<c>filters</c>, <c>filters_not</c>) and the entities it makes from each, in an order where every entity
/// comes after those it references.
/// </summary>
public sealed class QueryMapping
{
    internal QueryMapping(long line, IReadOnlyList<string> sources, IReadOnlyList<EntityMapping> entities)
    {
        Line = line;
        Sources = sources;
        Entities = entities;
    }

    public long Line { get; }

    /// <summary>The tables, as full paths.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>For Excel sources: the sheet to read; the first when null.</summary>
    public string? Sheet { get; internal init; }

    /// <summary>Column → the values a row must have there (a null in the list matches an empty cell).</summary>
    public IReadOnlyList<(string Column, IReadOnlyList<string?> Values)> Filters { get; internal init; } = [];

    /// <summary>Column → the values a row must not have there.</summary>
    public IReadOnlyList<(string Column, IReadOnlyList<string?> Values)> FiltersNot { get; internal init; } = [];

    /// <summary>The entities, dependencies first.</summary>
    public IReadOnlyList<EntityMapping> Entities { get; }

    /// <summary>Every column the query reads, filters included.</summary>
    public IReadOnlySet<string> Refs =>
        Entities.SelectMany(e => e.Refs).Concat(Filters.Select(f => f.Column)).Concat(FiltersNot.Select(f => f.Column)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a row passes the filters.</summary>
    public bool Keeps(Tables.TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var (column, values) in Filters)
        {
            if (!values.Contains(row.Get(column), StringComparer.Ordinal))
                return false;
        }

        foreach (var (column, values) in FiltersNot)
        {
            if (values.Contains(row.Get(column), StringComparer.Ordinal))
                return false;
        }

        return true;
    }
}

/// <summary>A top-level dataset of a mapping file with its queries; its name is the default dataset and the id key prefix.</summary>
public sealed record DatasetMapping(string Name, IReadOnlyList<QueryMapping> Queries);
