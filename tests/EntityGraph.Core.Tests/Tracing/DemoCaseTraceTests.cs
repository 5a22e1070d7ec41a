using System.Text.Json;
using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Model;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Tracing;

/// <summary>
/// Every trace of <c>samples/demo-case.expected.json</c> (downstream, the one-option variants and upstream),
/// run with the OFAC ownership rule plugged in, against the answers computed by the case's own script.
/// </summary>
public abstract class DemoCaseTraceTests : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    /// <summary>Which store the case is loaded into (<see cref="TestStores"/>).</summary>
    protected abstract string Store { get; }
    private TracedGraph _graph = null!;
    private JsonDocument _expected = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var entities = new List<FtmEntity>();
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "samples", "demo-case.ftm.jsonl"), Ct))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var properties = root.GetProperty("properties").EnumerateObject()
                .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[.. p.Value.EnumerateArray().Select(v => v.GetString()!)]);
            entities.Add(new FtmEntity(root.GetProperty("id").GetString()!, root.GetProperty("schema").GetString()!, properties));
        }

        _graph = await TracedGraph.LoadAsync(entities, Ct, Store);
        _expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "demo-case.expected.json"), Ct));
    }

    public async ValueTask DisposeAsync()
    {
        // Nothing may be loaded when the store was skipped.
        _expected?.Dispose();
        if (_graph is not null)
            await _graph.DisposeAsync();
    }

    [Fact]
    public async Task every_expected_downstream_route_is_found_with_its_restriction_shipments_and_values()
    {
        var checkedRoutes = 0;
        foreach (var trace in _expected.RootElement.GetProperty("downstream").EnumerateArray())
            checkedRoutes += AssertSameRoutes(trace, await TraceAsync(trace, trace.GetProperty("options")));
        Assert.Equal(18, checkedRoutes);
    }

    [Fact]
    public async Task every_expected_upstream_route_is_found_and_ends_in_a_target_country()
    {
        var checkedRoutes = 0;
        foreach (var trace in _expected.RootElement.GetProperty("upstream").EnumerateArray())
            checkedRoutes += AssertSameRoutes(trace, await TraceAsync(trace, trace.GetProperty("options")));
        Assert.Equal(14, checkedRoutes);
    }

    [Fact]
    public async Task changing_one_option_brings_back_exactly_the_expected_route()
    {
        foreach (var variant in _expected.RootElement.GetProperty("downstreamVariants").EnumerateArray())
        {
            var startId = variant.GetProperty("startId").GetString()!;
            var baseline = _expected.RootElement.GetProperty("downstream").EnumerateArray().Single(t => t.GetProperty("startId").GetString() == startId);
            var before = (await TraceAsync(baseline, baseline.GetProperty("options"))).Routes.Select(Key).ToHashSet();
            var after = (await TraceAsync(baseline, baseline.GetProperty("options"), variant.GetProperty("optionsChanged"))).Routes.Select(Key).ToHashSet();

            var added = variant.GetProperty("addedRoutes").EnumerateArray().Select(r => string.Join(" > ", r.EnumerateArray().Select(p => p.GetString()))).ToHashSet();
            var removed = variant.GetProperty("removedRoutes").EnumerateArray().Select(r => string.Join(" > ", r.EnumerateArray().Select(p => p.GetString()))).ToHashSet();
            Assert.Equal(added, after.Except(before).ToHashSet());
            Assert.Equal(removed, before.Except(after).ToHashSet());
        }
    }

    [Fact]
    public async Task under_the_eu_rule_the_same_ownership_blocked_end_users_stop_the_routes()
    {
        // The case's blocking stakes are all plain ownership, so EU and OFAC agree on its end users.
        var trace = _expected.RootElement.GetProperty("downstream")[2];
        var ofac = await TraceAsync(trace, trace.GetProperty("options"));
        var eu = await _graph.WithRule(OwnershipRule.Eu, AsOf).TraceAsync(new TraceQuery { StartId = trace.GetProperty("startId").GetString()!, AsOf = AsOf, Limit = 1000 }, Ct);
        Assert.Equal(ofac.Routes.Select(Key), eu.Routes.Select(Key));
    }

    private static string Key(TraceRoute route) => string.Join(" > ", route.PartyIds);

    private async Task<TraceResult> TraceAsync(JsonElement trace, JsonElement options, JsonElement? changed = null)
    {
        JsonElement Option(string name) =>
            changed is { } c && c.TryGetProperty(name, out var value) ? value : options.GetProperty(name);

        var query = new TraceQuery
        {
            StartId = trace.GetProperty("startId").GetString()!,
            Direction = trace.GetProperty("direction").GetString() == "UPSTREAM" ? TraceDirection.Upstream : TraceDirection.Downstream,
            MaxHops = Option("maxHops").GetInt32(),
            TimeRespecting = Option("timeRespecting").GetBoolean(),
            MaxDwellDays = Option("maxDwellDays").GetInt32(),
            TargetCountries = options.TryGetProperty("targetCountries", out var targets) ? [.. targets.EnumerateArray().Select(t => t.GetString()!)] : null,
            AsOf = DateOnly.Parse(options.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            Limit = 10_000,
        };
        var tracer = _graph.WithRule(OwnershipRule.Ofac, query.AsOf);
        var result = await tracer.TraceAsync(query, Ct);
        Assert.False(result.Truncated);
        return result;
    }

    private static int AssertSameRoutes(JsonElement trace, TraceResult result)
    {
        var expectedRoutes = trace.GetProperty("routes").EnumerateArray().ToList();
        Assert.Equal(
            expectedRoutes.Select(r => string.Join(" > ", r.GetProperty("parties").EnumerateArray().Select(p => p.GetString()))).Order(StringComparer.Ordinal),
            result.Routes.Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(expectedRoutes.Count, result.TotalRoutes);

        foreach (var route in expectedRoutes)
        {
            var parties = route.GetProperty("parties").EnumerateArray().Select(p => p.GetString()!).ToList();
            var found = result.Routes.Single(r => r.PartyIds.SequenceEqual(parties));
            Assert.Equal(route.GetProperty("endUser").GetString(), found.EndUserId);

            var restriction = route.GetProperty("restriction");
            Assert.Equal(restriction.GetProperty("kind").GetString(), found.Restriction?.Kind switch
            {
                RestrictionKind.Sanctioned => "SANCTIONED",
                RestrictionKind.OwnershipBlocked => "OWNERSHIP_BLOCKED",
                RestrictionKind.ExportControl => "EXPORT_CONTROL",
                _ => null,
            });
            Assert.Equal(
                restriction.GetProperty("sanctions").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal),
                found.Restriction!.SanctionIds.Order(StringComparer.Ordinal));
            Assert.Equal(
                restriction.GetProperty("owners").EnumerateArray().Select(o => $"{o.GetProperty("owner").GetString()} {o.GetProperty("percentage").GetDouble()} {o.GetProperty("percentageText").GetString()}").Order(StringComparer.Ordinal),
                found.Restriction.Owners.Select(o => $"{o.OwnerId} {o.Percentage} {o.PercentageText}").Order(StringComparer.Ordinal));

            var hops = route.GetProperty("hops").EnumerateArray().ToList();
            Assert.Equal(hops.Count, found.Hops.Count);
            for (var i = 0; i < hops.Count; i++)
            {
                Assert.Equal(hops[i].GetProperty("from").GetString(), found.Hops[i].FromId);
                Assert.Equal(hops[i].GetProperty("to").GetString(), found.Hops[i].ToId);
                Assert.Equal(
                    hops[i].GetProperty("shipments").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal),
                    found.Hops[i].Shipments.Select(s => s.Id).Order(StringComparer.Ordinal));
                Assert.Equal(hops[i].GetProperty("valueUsd").GetDouble(), found.Hops[i].ValueUsd!.Value, 2);
            }

            Assert.Equal(route.GetProperty("totalValueUsd").GetDouble(), found.TotalValueUsd!.Value, 2);
            Assert.Equal(route.GetProperty("firstDate").GetString(), found.FirstDate?.ToString());
            Assert.Equal(route.GetProperty("lastDate").GetString(), found.LastDate?.ToString());
        }

        return expectedRoutes.Count;
    }
}

/// <summary>The demo case traces on the embedded store.</summary>
public sealed class SqliteDemoCaseTraceTests : DemoCaseTraceTests
{
    protected override string Store => TestStores.Sqlite;
}

/// <summary>The demo case traces from the in-memory trade index over the embedded store, as the server runs them.</summary>
public sealed class IndexedDemoCaseTraceTests : DemoCaseTraceTests
{
    protected override string Store => TracedGraph.SqliteIndexed;
}

/// <summary>The demo case traces on Neo4j, when a server is configured; skipped with the reason otherwise.</summary>
public sealed class Neo4jDemoCaseTraceTests : DemoCaseTraceTests
{
    protected override string Store => TestStores.Neo4j;
}
