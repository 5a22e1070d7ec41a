using System.Diagnostics;
using System.Text.Json.Nodes;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Limits;

public sealed class AnalysisComplexityTests
{
    private static string CodeOf(JsonNode body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private static string Aliased(int count, string field) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: {field}")) + " }";

    [Fact]
    public async Task five_thousand_aliased_traces_are_refused_with_limit_exceeded_before_any_runs()
    {
        var store = default(SlowStartStore);
        await using var server = await EntityGraphTestServer.StartAsync(
            SmallCases.Reseller().Entities,
            settings: new Dictionary<string, string?> { ["EntityGraph:Limits:ExecutionTimeout"] = "00:01:00" },
            services: StoreDecoration.With(inner => store = new SlowStartStore(inner)));
        var query = Aliased(5_000, $$"""traceChains(input: { startId: "{{SlowStartStore.StartId}}", direction: DOWNSTREAM }) { totalRoutes }""");

        var clock = Stopwatch.StartNew();
        var (status, body) = await server.PostAsync(query);

        // 400 under graphql-response+json means the request was refused before execution began.
        Assert.Equal(400, status);
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
        Assert.Null(body["data"]);
        Assert.False(store!.StartAsked);
        // A trace that ran would wait 30 s on its start party; reading and validating the fields is all the refusal costs.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(300, """traceChains(input: { startId: "acme", direction: DOWNSTREAM }) { totalRoutes }""")]
    [InlineData(100, """paths(fromId: "acme", toId: "kg-reseller") { nodes { id } }""")]
    [InlineData(600, """neighbourhood(ids: ["acme"]) { truncated }""")]
    [InlineData(600, """tradeFlows { shipments }""")]
    [InlineData(1_200, """beneficialOwners(companyId: "acme") { effectivePercent }""")]
    [InlineData(5_000, """exposure(partyId: "acme") { blocked }""")]
    [InlineData(1_500, """party(id: "acme") { ... on Company { redFlags { code } } }""")]
    public async Task a_few_hundred_aliased_analyses_exceed_the_default_complexity(int count, string field)
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (status, body) = await server.PostAsync(Aliased(count, field));

        Assert.Equal(400, status);
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
    }

    [Fact]
    public async Task a_few_aliased_traces_still_run()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync(Aliased(20, """traceChains(input: { startId: "acme", direction: DOWNSTREAM }) { totalRoutes }"""));

        Assert.Equal(20, data.AsObject().Count);
    }

    /// <summary>A real store that takes 30 s to read the trace's start party, and says whether anyone asked for it.</summary>
    private sealed class SlowStartStore(IGraphStore inner) : DelegatingGraphStore(inner)
    {
        public const string StartId = "slow-start";

        public bool StartAsked { get; private set; }

        public override async Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            if (ids.Contains(StartId))
            {
                StartAsked = true;
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return await base.GetPartiesAsync(ids, cancellationToken);
        }
    }
}
