using EntityGraph.Ingest.Tables;

namespace EntityGraph.Ingest.Mapping.Internal;

/// <summary>
/// The entities one mapped entity made lately, by the cells they were made from. What a mapping makes of a
/// row depends only on the cells the entity reads (its keys among them) and on the entities it references, so a row
/// with the same cells and the same referenced entities makes exactly the entity made before, id and all: the exporter
/// of a thousand declarations is mapped, and its id digested, once, and the later rows hand on that same entity.
/// </summary>
/// <remarks>
/// Memory stays bounded: when few ids repeat (a declaration keyed by its number), remembering stops after a trial;
/// otherwise the memory is cleared when it holds <see cref="Capacity"/> entities.
/// </remarks>
internal sealed class RecentEntities
{
    public const int Capacity = 100_000;
    private const int Trial = 10_000;

    private readonly string[] _columns;
    private readonly string[] _references;
    private readonly Dictionary<string?[], Made> _byCells = new(CellsComparer.Instance);
    private readonly string?[] _scratch;
    private long _seen;
    private long _hits;
    private bool _off;

    /// <param name="columns">Every column the entity reads, its keys among them.</param>
    /// <param name="references">The mapped entities it references.</param>
    public RecentEntities(IEnumerable<string> columns, IEnumerable<string> references)
    {
        _columns = [.. columns.Distinct(StringComparer.Ordinal)];
        _references = [.. references.Distinct(StringComparer.Ordinal)];
        _scratch = new string?[_columns.Length];
    }

    /// <summary>
    /// The entity made from the same cells and references, or null. The cells include the keys, so it has the id this
    /// row would get: a recalled entity costs no digest.
    /// </summary>
    public MappedEntity? Recall(TableRow row, IReadOnlyDictionary<string, MappedEntity> made)
    {
        if (_off)
            return null;
        if (++_seen == Trial && _hits * 20 < Trial)
        {
            // Fewer than one in twenty rows repeat an entity: remembering costs more than it spares.
            _off = true;
            _byCells.Clear();
            return null;
        }

        for (var i = 0; i < _columns.Length; i++)
            _scratch[i] = row.Get(_columns[i]);
        if (!_byCells.TryGetValue(_scratch, out var earlier))
            return null;
        for (var i = 0; i < _references.Length; i++)
        {
            if (!ReferenceEquals(earlier.References[i], made.GetValueOrDefault(_references[i])))
                return null;
        }

        _hits++;
        return earlier.Entity;
    }

    /// <summary>Remembers the entity a row made without a problem.</summary>
    public void Remember(TableRow row, IReadOnlyDictionary<string, MappedEntity> made, MappedEntity entity)
    {
        if (_off)
            return;
        if (_byCells.Count >= Capacity)
            _byCells.Clear();
        var cells = new string?[_columns.Length];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = row.Get(_columns[i]);
        var references = new MappedEntity?[_references.Length];
        for (var i = 0; i < references.Length; i++)
            references[i] = made.GetValueOrDefault(_references[i]);
        _byCells[cells] = new Made(references, entity);
    }

    private sealed record Made(MappedEntity?[] References, MappedEntity Entity);

    /// <summary>Cells compared value by value.</summary>
    private sealed class CellsComparer : IEqualityComparer<string?[]>
    {
        public static readonly CellsComparer Instance = new();

        public bool Equals(string?[]? x, string?[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
                return ReferenceEquals(x, y);
            for (var i = 0; i < x.Length; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                    return false;
            }

            return true;
        }

        public int GetHashCode(string?[] cells)
        {
            var hash = default(HashCode);
            foreach (var cell in cells)
                hash.Add(cell is null ? 0 : string.GetHashCode(cell, StringComparison.Ordinal));
            return hash.ToHashCode();
        }
    }
}
