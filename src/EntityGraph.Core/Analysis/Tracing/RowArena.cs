using System.Buffers;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// The rows one trace keeps of its own (the shipments of a hop that pass the time rule), copied into
/// pooled chunks: a trace through a hub keeps a hundred thousand short lists, which as arrays of their
/// own would all outlive the youngest garbage collections. Segments are valid until the arena is disposed.
/// </summary>
internal sealed class RowArena : IDisposable
{
    private const int ChunkLength = 1 << 16;

    private readonly List<int[]> _chunks = [];
    private int[] _chunk = [];
    private int _used;

    /// <summary>Space for up to <paramref name="most"/> rows, to be kept with <see cref="Commit"/>.</summary>
    public Span<int> Reserve(int most)
    {
        if (_chunk.Length - _used < most)
        {
            _chunk = ArrayPool<int>.Shared.Rent(Math.Max(ChunkLength, most));
            _chunks.Add(_chunk);
            _used = 0;
        }

        return _chunk.AsSpan(_used, most);
    }

    /// <summary>Keeps the first <paramref name="count"/> rows written to the space of the last <see cref="Reserve"/>.</summary>
    public ArraySegment<int> Commit(int count)
    {
        if (count == 0)
            return ArraySegment<int>.Empty;
        var segment = new ArraySegment<int>(_chunk, _used, count);
        _used += count;
        return segment;
    }

    public void Dispose()
    {
        foreach (var chunk in _chunks)
            ArrayPool<int>.Shared.Return(chunk);
        _chunks.Clear();
        _chunk = [];
        _used = 0;
    }
}
