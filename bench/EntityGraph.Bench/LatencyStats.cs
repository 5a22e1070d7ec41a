namespace EntityGraph.Bench;

/// <summary>Percentiles of a set of request latencies, in milliseconds.</summary>
internal sealed record LatencyStats(int Requests, int Errors, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencyStats From(List<double> milliseconds, int errors)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds.Count == 0 ? double.NaN : milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return new LatencyStats(
            milliseconds.Count,
            errors,
            Math.Round(At(0.50), 2),
            Math.Round(At(0.95), 2),
            Math.Round(At(0.99), 2),
            Math.Round(milliseconds.Count == 0 ? double.NaN : milliseconds[^1], 2),
            Math.Round(milliseconds.Count == 0 ? double.NaN : milliseconds.Average(), 2));
    }
}
