using EntityGraph.Ingest.Tables;

namespace EntityGraph.Ingest.Mapping.Internal;

/// <summary>
/// The entities one mapped entity made lately, by id, with the cells they were made from. What a mapping makes of a
/// row depends only on the cells the entity reads and on the entities it references, so a row with the same id, the
/// same cells and the same referenced entities makes exactly the entity made before: the exporter of a thousand
/// declarations is mapped once, and the later rows hand on that same entity.
/// </summary>
/// <remarks>
/// Memory stays bounded: when few ids repeat (a declaration keyed by its number), remembering stops after a trial;
/// otherwise the memory is cleared when it holds <see cref="Capacity"/> ids.
/// </remarks>
internal sealed class RecentEntities
{
    public const int Capacity = 100_000;
    private const int Trial = 10_000;

    private readonly string[] _columns;
    private readonly string[] _references;
    private readonly Dictionary<string, Made> _byId = new(StringComparer.Ordinal);
    private long _seen;
    private long _hits;
    private bool _off;

    /// <param name="columns">Every column the entity reads.</param>
    /// <param name="references">The mapped entities it references.</param>
    public RecentEntities(IEnumerable<string> columns, IEnumerable<string> references)
    {
        _columns = [.. columns.Distinct(StringComparer.Ordinal)];
        _references = [.. references.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The entity made under <paramref name="id"/> from the same cells and references, or null.</summary>
    public MappedEntity? Recall(string id, TableRow row, IReadOnlyDictionary<string, MappedEntity> made)
    {
        if (_off)
            return null;
        if (++_seen == Trial && _hits * 20 < Trial)
        {
            // Fewer than one in twenty rows repeat an entity: remembering costs more than it spares.
            _off = true;
            _byId.Clear();
            return null;
        }

        if (!_byId.TryGetValue(id, out var earlier))
            return null;
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!string.Equals(earlier.Cells[i], row.Get(_columns[i]), StringComparison.Ordinal))
                return null;
        }

        for (var i = 0; i < _references.Length; i++)
        {
            if (!ReferenceEquals(earlier.References[i], made.GetValueOrDefault(_references[i])))
                return null;
        }

        _hits++;
        return earlier.Entity;
    }

    /// <summary>Remembers the entity a row made without a problem.</summary>
    public void Remember(string id, TableRow row, IReadOnlyDictionary<string, MappedEntity> made, MappedEntity entity)
    {
        if (_off)
            return;
        if (_byId.Count >= Capacity)
            _byId.Clear();
        var cells = new string?[_columns.Length];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = row.Get(_columns[i]);
        var references = new MappedEntity?[_references.Length];
        for (var i = 0; i < references.Length; i++)
            references[i] = made.GetValueOrDefault(_references[i]);
        _byId[id] = new Made(cells, references, entity);
    }

    private sealed record Made(string?[] Cells, MappedEntity?[] References, MappedEntity Entity);
}
