using EntityGraph.Ingest.Tables;

namespace EntityGraph.Ingest.Mapping.Internal;

/// <summary>
/// The entities one mapped entity made lately, by the cells they were made from. What a mapping makes of a
/// row depends only on the cells the entity reads (its keys among them) and on the entities it references, so a row
/// with the same cells and the same referenced entities makes exactly the entity made before, id and all: the exporter
/// of a thousand declarations is mapped, and its id digested, once, and the later rows hand on that same entity.
/// </summary>
/// <remarks>
/// <para>
/// Memory stays bounded: when few ids repeat (a declaration keyed by its number), remembering stops after a trial;
/// otherwise the memory is cleared when it holds <see cref="Capacity"/> entities.
/// </para>
/// <para>
/// A table of many thousands of parties is looked up twice a row and does not fit a processor's cache, so each look-up
/// reads as few places in memory as it can: an open-addressed table of slots, and an entry that keeps the cells it was
/// made from in one string, compared cell by cell with the row's.
/// </para>
/// </remarks>
internal sealed class RecentEntities
{
    public const int Capacity = 100_000;
    private const int Trial = 10_000;

    /// <summary>Slots, a power of two at least twice <see cref="Capacity"/>: each the position of an entry plus one, or 0 when free.</summary>
    private const int SlotCount = 1 << 18;

    private readonly string[] _columns;
    private readonly string[] _references;
    private readonly int[] _positions;
    private TableHeader? _header;
    private int[]? _slots;
    private Entry[]? _entries;
    private int _count;
    private long _seen;
    private long _hits;
    private bool _off;

    /// <param name="columns">Every column the entity reads, its keys among them.</param>
    /// <param name="references">The mapped entities it references.</param>
    public RecentEntities(IEnumerable<string> columns, IEnumerable<string> references)
    {
        _columns = [.. columns.Distinct(StringComparer.Ordinal)];
        _references = [.. references.Distinct(StringComparer.Ordinal)];
        _positions = new int[_columns.Length];
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
            _slots = null;
            _entries = null;
            return null;
        }

        if (_slots is null)
            return null;
        Locate(row);
        var hash = Hash(row);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            ref var entry = ref _entries![_slots[slot] - 1];
            if (entry.Hash != hash || !SameCells(entry.Cells, row) || !SameReferences(entry.References, made))
                continue;
            _hits++;
            return entry.Entity;
        }

        return null;
    }

    /// <summary>Remembers the entity a row made without a problem.</summary>
    public void Remember(TableRow row, IReadOnlyDictionary<string, MappedEntity> made, MappedEntity entity)
    {
        if (_off)
            return;
        Locate(row);
        if (Join(row) is not { } cells)
            return;
        _slots ??= new int[SlotCount];
        _entries ??= new Entry[Capacity];
        if (_count == Capacity)
        {
            Array.Clear(_slots);
            Array.Clear(_entries);
            _count = 0;
        }

        MappedEntity?[]? references = null;
        if (_references.Length > 0)
        {
            references = new MappedEntity?[_references.Length];
            for (var i = 0; i < references.Length; i++)
                references[i] = made.GetValueOrDefault(_references[i]);
        }

        var hash = Hash(row);
        _entries[_count] = new Entry(hash, cells, references, entity);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0)
            slot = (slot + 1) & mask;
        _slots[slot] = ++_count;
    }

    /// <summary>Finds the entity's columns in the row's table, once per table (a mapping may read several).</summary>
    private void Locate(TableRow row)
    {
        if (ReferenceEquals(row.Header, _header))
            return;
        for (var i = 0; i < _columns.Length; i++)
            _positions[i] = row.Header.IndexOf(_columns[i]);
        _header = row.Header;
    }

    private string? Cell(TableRow row, int column)
    {
        var position = _positions[column];
        return position >= 0 && position < row.Cells.Length ? row.Cells[position] : null;
    }

    private int Hash(TableRow row)
    {
        var hash = default(HashCode);
        for (var i = 0; i < _columns.Length; i++)
            hash.Add(Cell(row, i) is { } cell ? string.GetHashCode(cell, StringComparison.Ordinal) : 0);
        return hash.ToHashCode() & int.MaxValue;
    }

    /// <summary>
    /// The cells in one string: each as its length plus one in a character, then its characters; an empty cell as a
    /// zero. Null when a cell is too long to say its length in one character (such an entity is not remembered).
    /// </summary>
    private string? Join(TableRow row)
    {
        var length = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var cell = Cell(row, i);
            if (cell is { Length: >= char.MaxValue })
                return null;
            length += 1 + (cell?.Length ?? 0);
        }

        return string.Create(length, (this, row), static (text, state) =>
        {
            var (recent, row) = state;
            var at = 0;
            for (var i = 0; i < recent._columns.Length; i++)
            {
                var cell = recent.Cell(row, i);
                text[at++] = (char)(cell is null ? 0 : cell.Length + 1);
                if (cell is null)
                    continue;
                cell.CopyTo(text[at..]);
                at += cell.Length;
            }
        });
    }

    private bool SameCells(string cells, TableRow row)
    {
        var at = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var cell = Cell(row, i);
            int marker = cells[at++];
            if (cell is null || marker == 0)
            {
                if (cell is not null || marker != 0)
                    return false;
                continue;
            }

            if (marker - 1 != cell.Length || !cells.AsSpan(at, cell.Length).SequenceEqual(cell))
                return false;
            at += cell.Length;
        }

        return true;
    }

    private bool SameReferences(MappedEntity?[]? references, IReadOnlyDictionary<string, MappedEntity> made)
    {
        if (references is null)
            return true;
        for (var i = 0; i < references.Length; i++)
        {
            if (!ReferenceEquals(references[i], made.GetValueOrDefault(_references[i])))
                return false;
        }

        return true;
    }

    /// <param name="Hash">The cells' hash, which is also where the search for a slot starts.</param>
    /// <param name="Cells">The cells it was made from, joined (<see cref="Join"/>).</param>
    /// <param name="References">The entities it referenced, in the order of the references; null when it references none.</param>
    /// <param name="Entity">What the row made.</param>
    private readonly record struct Entry(int Hash, string Cells, MappedEntity?[]? References, MappedEntity Entity);
}
