using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntityGraph.Bench;

/// <summary>Sends GraphQL requests over loopback HTTP and measures them.</summary>
internal sealed class GraphQLLoad(HttpClient client)
{
    /// <summary>One request at a time, so that latency is the server's, not a queue's.</summary>
    public async Task<LatencyStats> MeasureLatencyAsync(string query, IReadOnlyList<JsonObject> variables, int requests, CancellationToken cancellationToken)
    {
        var timings = new List<double>(requests);
        var errors = 0;
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ok = await SendAsync(query, variables[i % variables.Count], cancellationToken);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!ok)
                errors++;
        }

        return LatencyStats.From(timings, errors);
    }

    /// <summary>Many workers for a fixed time; returns requests per second and latencies under load.</summary>
    public async Task<(double RequestsPerSecond, LatencyStats Latency)> MeasureThroughputAsync(string query, IReadOnlyList<JsonObject> variables, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var timings = new List<double>[concurrency];
        var errors = new int[concurrency];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            timings[worker] = [];
            var i = worker;
            while (Stopwatch.GetTimestamp() < until)
            {
                var t0 = Stopwatch.GetTimestamp();
                var ok = await SendAsync(query, variables[i++ % variables.Count], cancellationToken);
                timings[worker].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (!ok)
                    errors[worker]++;
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = timings.SelectMany(t => t).ToList();
        return (Math.Round(all.Count / elapsed, 1), LatencyStats.From(all, errors.Sum()));
    }

    private async Task<bool> SendAsync(string query, JsonObject variables, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, cancellationToken);
        if (!response.IsSuccessStatusCode)
            return false;
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return !body.RootElement.TryGetProperty("errors", out _);
    }
}
