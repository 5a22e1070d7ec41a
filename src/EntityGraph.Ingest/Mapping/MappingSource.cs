using System.Text.Json;
using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Tables;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.Mapping;

/// <summary>
/// The rows of a dataset's tables run through its queries, as units for an import: a row gives the valid entities it
/// makes, or is refused whole — with its file, row number and why, each reason naming its entity — when it cannot be
/// read, a value does not fit, or an entity fails validation (an entity the store then refuses is reported alone).
/// Tables are read one at a time; <see cref="CheckTables"/> checks every header before the first row.
/// </summary>
public sealed class MappingSource : IImportSource
{
    private readonly DatasetMapping _mapping;
    private readonly bool _sign;
    private readonly List<RowMapper> _mappers = [];

    /// <summary>Encodes each new entity's properties for the store on the reading thread, where its values are still in the processor's cache.</summary>
    private readonly Core.FollowTheMoney.FtmPropertiesJson _json = new();

    /// <summary>Whether the entities go to a store, which takes their properties encoded (<see cref="Core.Model.FtmEntity.EncodedProperties"/>); <c>map</c> writes FtM lines and does not.</summary>
    internal bool ForStore { get; init; } = true;
    private long _bytesDone;
    private long _rows;
    private ITable? _current;

    /// <param name="mapping">The dataset's queries.</param>
    /// <param name="file">The mapping file, to name in errors.</param>
    /// <param name="dataset">The dataset the entities belong to and the prefix of their ids (the mapping's name by default).</param>
    /// <param name="sign">Sign ids with the dataset (<c>id.hmac</c>), as <c>ftm map</c> does by default and Aleph does.</param>
    public MappingSource(DatasetMapping mapping, string file, string? dataset = null, bool sign = false)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
        _sign = sign;
        File = file;
        Dataset = string.IsNullOrWhiteSpace(dataset) ? mapping.Name : dataset;
        TotalBytes = mapping.Queries.SelectMany(q => q.Sources).Sum(s => new FileInfo(s).Exists ? new FileInfo(s).Length : 0);
    }

    public string File { get; }

    public string Dataset { get; }

    public long BytesRead => _bytesDone + (_current?.BytesRead ?? 0);

    public long? TotalBytes { get; }

    /// <summary>Rows the filters left out.</summary>
    public long Filtered { get; private set; }

    /// <summary>Per mapped entity and reason, how many rows made no such entity (keys empty, required value empty).</summary>
    public IReadOnlyDictionary<string, long> NotMade =>
        _mappers.SelectMany(m => m.NotMade).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    /// <summary>
    /// Opens every table and checks its header against the columns its query reads, so that a missing table or column
    /// stops the run before any row of any table is read.
    /// </summary>
    /// <exception cref="MappingException">A table does not exist, cannot be read, or lacks a column.</exception>
    public void CheckTables()
    {
        foreach (var query in _mapping.Queries)
        {
            foreach (var source in query.Sources)
                Open(query, source).Dispose();
        }
    }

    public IEnumerable<ImportUnit> Units(FtmEntityValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        foreach (var query in _mapping.Queries)
        {
            var mapper = new RowMapper(query, Dataset, _sign);
            _mappers.Add(mapper);
            foreach (var source in query.Sources)
            {
                foreach (var unit in TableUnits(query, mapper, source, validator))
                    yield return unit;
            }
        }
    }

    private IEnumerable<ImportUnit> TableUnits(QueryMapping query, RowMapper mapper, string path, FtmEntityValidator validator)
    {
        using var table = Open(query, path);
        _current = table;
        foreach (var row in table.Rows())
        {
            if (row.Problem is not null)
            {
                yield return new ImportUnit(new RowOrigin(row, ++_rows), [], [row.Problem]);
                continue;
            }

            if (!query.Keeps(row))
            {
                Filtered++;
                continue;
            }

            yield return Judge(row, mapper, validator);
        }

        _current = null;
        _bytesDone += table.TotalBytes ?? table.BytesRead;
    }

    private ImportUnit Judge(TableRow row, RowMapper mapper, FtmEntityValidator validator)
    {
        var problems = new List<string>();
        var mapped = mapper.Map(row, problems);
        var entities = new List<(Core.Model.FtmEntity, MappedEntity?)>(mapped.Count);
        foreach (var made in mapped)
        {
            var (name, input) = (made.MappedAs, made.Input);
            // The very entity an earlier row made and this row hands on gets the same verdict.
            if (made.FoundValid)
            {
                entities.Add((made.Entity, made));
                continue;
            }

            var verdict = validator.Judge(input);
            if (!verdict.IsValid)
            {
                problems.AddRange(FtmEntityValidator.Reasons(verdict).Select(r => $"entity '{name}': {r}"));
                continue;
            }

            made.FoundValid = true;
            entities.Add((ForStore ? made.Make(_json) : made.Entity, made));
        }

        var origin = new RowOrigin(row, ++_rows);
        return problems.Count > 0 ? new ImportUnit(origin, [], problems) : new ImportUnit(origin, entities, []);
    }

    private ITable Open(QueryMapping query, string path)
    {
        var shown = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(File)) ?? ".", path);
        ITable table;
        try
        {
            table = Tables.Tables.Open(path, shown, query.Sheet);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MappingException(File, query.Line, $"the table '{shown}' does not exist (looked for {path})", ex);
        }

        if (HeaderProblem(query, table, shown) is { } problem)
        {
            table.Dispose();
            throw new MappingException(File, query.Line, problem);
        }

        return table;
    }

    /// <summary>Why the table's header cannot serve the query: a column it reads is missing, or named twice.</summary>
    private static string? HeaderProblem(QueryMapping query, ITable table, string shown)
    {
        var missing = query.Refs.Where(c => !table.Header.Contains(c)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return $"the mapping reads {(missing.Count == 1 ? "column" : "columns")} {string.Join(", ", missing.Select(m => $"'{m}'"))}, "
                + $"which '{shown}' does not have; its header has {string.Join(", ", table.Header.Names.Select(n => $"'{n}'"))}";
        }

        var doubled = query.Refs.Where(c => table.Header.Names.Count(n => n == c) > 1).Order(StringComparer.Ordinal).ToList();
        return doubled.Count == 0 ? null
            : $"the mapping reads {string.Join(", ", doubled.Select(d => $"'{d}'"))}, which '{shown}' names more than once in its header; rename one so that no column's values are lost";
    }

    /// <summary>A table row as the rejects file shows it: its file, its row number and its fields as read.</summary>
    private sealed class RowOrigin(TableRow row, long sequence) : IRecordOrigin
    {
        // Rows of several tables share a batch, so rejects are ordered by the order rows were read.
        public long Position => sequence;

        public void WriteLocation(Utf8JsonWriter json)
        {
            json.WriteString("source"u8, row.Source);
            json.WriteNumber("row"u8, row.Number);
        }

        public void WriteOriginal(Utf8JsonWriter json)
        {
            json.WriteStartArray("fields"u8);
            foreach (var field in row.Raw)
                json.WriteStringValue(field);
            json.WriteEndArray();
        }
    }
}
