using EntityGraph.Storage.Neo4j.QueryApi.Internal;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    public void the_default_back_off_starts_at_one_second_and_doubles_with_twenty_percent_jitter(int attempt, double seconds)
    {
        var pipeline = new QueryApiPipeline(TimeSpan.FromSeconds(30), QueryApiResilienceOptions.Default);

        var delays = Enumerable.Range(0, 200).Select(_ => pipeline.Backoff(attempt).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, seconds * 0.8, seconds * 1.2));
        Assert.True(delays.Distinct().Count() > 1, "Delays are jittered so that clients do not retry in step.");
    }
}
