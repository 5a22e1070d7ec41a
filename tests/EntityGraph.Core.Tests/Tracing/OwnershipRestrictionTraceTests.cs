using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Tracing;

/// <summary>Tracing with the ownership rule in force: blocked parties are end users, and stop routes like sanctioned ones.</summary>
public class OwnershipRestrictionTraceTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FtmGraph Case() =>
        FtmGraph.Create()
            .Company("supplier", "Supplier GmbH", "de")
            .Company("relay", "Relay LLC", "kg")
            .Company("parent", "Parent Holding AO", "ru")
            .Company("buyer", "Buyer OOO", "ru")
            .Company("beyond", "Beyond OOO", "ru")
            .Person("oligarch", "Sanctioned Person", "ru")
            .Sanction("oligarch", "OFAC")
            .Owns("oligarch", "parent", "51%")
            .Owns("parent", "buyer", "60%")
            .Shipment("s1", "supplier", "relay", "2022-05-01", "854231", 1000)
            .Shipment("s2", "relay", "buyer", "2022-06-01", "854231", 2000)
            .Shipment("s3", "buyer", "beyond", "2022-07-01", "854231", 3000)
            .Sanction("beyond", "EU");

    [Fact]
    public async Task a_buyer_blocked_through_a_blocked_parent_is_a_restricted_end_user_with_the_owner_and_percentage()
    {
        await using var graph = await TracedGraph.LoadAsync(Case(), Ct);

        var result = await graph.WithRule(OwnershipRule.Ofac, AsOf).TraceAsync(new TraceQuery { StartId = "supplier", AsOf = AsOf }, Ct);

        var route = Assert.Single(result.Routes);
        Assert.Equal(["supplier", "relay", "buyer"], route.PartyIds);
        Assert.Equal(RestrictionKind.OwnershipBlocked, route.Restriction?.Kind);
        var owner = Assert.Single(route.Restriction!.Owners);
        Assert.Equal(("parent", 60.0, "60%"), (owner.OwnerId, owner.Percentage!.Value, owner.PercentageText));
        Assert.Contains(route.Reasons, r => r == "the end user Buyer OOO (buyer) is blocked by ownership: Parent Holding AO (parent) holds 60%");
    }

    [Fact]
    public async Task without_the_ownership_rule_the_blocked_buyer_is_passed_through_to_the_sanctioned_party_beyond()
    {
        await using var graph = await TracedGraph.LoadAsync(Case(), Ct);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier", AsOf = AsOf });

        Assert.Equal(["supplier", "relay", "buyer", "beyond"], Assert.Single(result.Routes).PartyIds);
    }

    [Fact]
    public async Task an_ownership_that_ended_before_the_day_of_evaluation_does_not_block_the_buyer()
    {
        var graph = Case().Set("own-parent-buyer", "endDate", "2023-01-31");
        await using var traced = await TracedGraph.LoadAsync(graph, Ct);

        var result = await traced.WithRule(OwnershipRule.Ofac, AsOf).TraceAsync(new TraceQuery { StartId = "supplier", AsOf = AsOf }, Ct);
        var before = await traced.WithRule(OwnershipRule.Ofac, new DateOnly(2022, 12, 31)).TraceAsync(new TraceQuery { StartId = "supplier", AsOf = new DateOnly(2022, 12, 31) }, Ct);

        Assert.Equal(["supplier", "relay", "buyer", "beyond"], Assert.Single(result.Routes).PartyIds);
        Assert.Equal(["supplier", "relay", "buyer"], Assert.Single(before.Routes).PartyIds);
    }

    [Fact]
    public async Task recent_shipments_after_the_invasion_add_to_the_score_and_say_so()
    {
        await using var graph = await TracedGraph.LoadAsync(Case(), Ct);
        var tracer = graph.WithRule(OwnershipRule.Ofac, AsOf);

        var soon = Assert.Single((await tracer.TraceAsync(new TraceQuery { StartId = "supplier", AsOf = new DateOnly(2022, 12, 1) }, Ct)).Routes);
        var late = Assert.Single((await tracer.TraceAsync(new TraceQuery { StartId = "supplier", AsOf = new DateOnly(2030, 1, 1) }, Ct)).Routes);

        Assert.Contains(soon.Reasons, r => r.StartsWith("the latest shipment was on 2022-06-01, 0.5 years before 2022-12-01", StringComparison.Ordinal));
        Assert.Contains(soon.Reasons, r => r.Contains("after 24 February 2022", StringComparison.Ordinal));
        Assert.Contains(late.Reasons, r => r.EndsWith("too long ago to add weight", StringComparison.Ordinal));
        Assert.Equal(1.5, soon.Score - late.Score, 3);
    }

    [Fact]
    public async Task a_spent_time_budget_stops_the_search_and_says_it_was_cut()
    {
        await using var graph = await TracedGraph.LoadAsync(Case(), Ct);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier", AsOf = AsOf, TimeBudget = TimeSpan.Zero });

        Assert.True(result.Truncated);
        Assert.Empty(result.Routes);
    }
}
