namespace EntityGraph.Storage.Neo4j.QueryApi.Internal;

/// <summary>
/// The back-off and circuit-breaker settings. The defaults are those of Neo4j's official drivers
/// (1 s, doubling, ±20 % jitter); the total retry time comes from <see cref="Neo4jStoreOptions.RetryBudget"/>.
/// </summary>
internal sealed record QueryApiResilienceOptions
{
    public static QueryApiResilienceOptions Default { get; } = new();

    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public double RetryDelayMultiplier { get; init; } = 2.0;

    /// <summary>Each delay is varied by up to this fraction either way, so that clients do not retry in step.</summary>
    public double RetryJitter { get; init; } = 0.2;

    /// <summary>The share of failed attempts within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    public int BreakerMinimumThroughput { get; init; } = 4;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long requests fail fast before one is let through to probe the server.</summary>
    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
