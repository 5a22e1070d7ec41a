using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace EntityGraph.Storage.Neo4j.QueryApi.Internal;

/// <summary>
/// Retry with exponential back-off inside a total time budget, around a circuit breaker that trips on
/// an unreachable server. One execution is one read, or one whole write transaction.
/// </summary>
internal sealed class QueryApiPipeline
{
    private static readonly ResiliencePropertyKey<long> StartedAt = new("EntityGraph.Neo4j.StartedAt");
    private static readonly ResiliencePropertyKey<TimeSpan> NextDelay = new("EntityGraph.Neo4j.NextDelay");
    private static readonly ResiliencePropertyKey<bool> SingleAttempt = new("EntityGraph.Neo4j.SingleAttempt");

    private readonly ResiliencePipeline _pipeline;
    private readonly QueryApiResilienceOptions _options;
    private readonly TimeSpan _budget;

    public QueryApiPipeline(TimeSpan retryBudget, QueryApiResilienceOptions options)
    {
        _options = options;
        _budget = retryBudget;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.AttemptNumber, args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextDelay, TimeSpan.Zero)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsUnavailable(args.Outcome.Exception) || args.Outcome.Exception is TimeoutException),
            })
            .Build();
    }

    /// <summary>Runs <paramref name="operation"/> with retries; <paramref name="retry"/> false gives one attempt through the breaker.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, bool retry, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(StartedAt, _options.TimeProvider.GetTimestamp());
            context.Properties.Set(SingleAttempt, !retry);
            return await _pipeline.ExecuteAsync(
                static async (ctx, op) => await op(ctx.CancellationToken),
                context,
                operation);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>A connection failure (no response at all), a 503 without an error code (a proxy's), or a database that is not available.</summary>
    public static bool IsUnavailable(Exception? exception) =>
        exception is HttpRequestException { StatusCode: null or HttpStatusCode.ServiceUnavailable }
            or HttpRequestException { InnerException: Neo4jException { Code: QueryApiFailure.DatabaseUnavailable } };

    public static bool IsRetryable(Exception? exception) =>
        IsUnavailable(exception) || exception is Neo4jTransientException { IsRetryable: true };

    private bool ShouldRetry(ResilienceContext context, int attemptNumber, Exception? exception)
    {
        if (context.Properties.GetValue(SingleAttempt, false) || !IsRetryable(exception) || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var delay = Backoff(attemptNumber);
        var elapsed = _options.TimeProvider.GetElapsedTime(context.Properties.GetValue(StartedAt, 0L));
        if (elapsed + delay > _budget)
        {
            return false;
        }

        context.Properties.Set(NextDelay, delay);
        return true;
    }

    internal TimeSpan Backoff(int attemptNumber)
    {
        var delay = _options.InitialRetryDelay.TotalMilliseconds * Math.Pow(_options.RetryDelayMultiplier, attemptNumber);
        var jitter = 1 + (_options.RetryJitter * ((Random.Shared.NextDouble() * 2) - 1));
        return TimeSpan.FromMilliseconds(delay * jitter);
    }
}
