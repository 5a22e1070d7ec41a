namespace EntityGraph.Ingest.Synthetic.Internal;

/// <summary>A weighted choice among a few values.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Weighted(params (T Value, double Weight)[] choices)
    {
        _values = [.. choices.Select(c => c.Value)];
        _cumulative = new double[choices.Length];
        var total = choices.Sum(c => c.Weight);
        var running = 0.0;
        for (var i = 0; i < choices.Length; i++)
        {
            running += choices[i].Weight / total;
            _cumulative[i] = running;
        }

        _cumulative[^1] = 1.0;
    }

    public IReadOnlyList<T> Values => _values;

    public double WeightOf(int index) => index == 0 ? _cumulative[0] : _cumulative[index] - _cumulative[index - 1];

    public T Pick(double unit)
    {
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (unit < _cumulative[i])
                return _values[i];
        }

        return _values[^1];
    }
}
