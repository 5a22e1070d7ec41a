using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Ownership;

public class ExposureCalculatorTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Exposure> ExposureOf(FtmGraph graph, string partyId, OwnershipRule rule = OwnershipRule.Ofac)
    {
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);
        var exposure = await store.Calculator.CalculateAsync(partyId, rule, AsOf, Ct);
        Assert.NotNull(exposure);
        return exposure;
    }

    [Fact]
    public async Task blocked_status_propagates_in_full_through_a_blocked_parent()
    {
        var graph = FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch", authority: "US Department of the Treasury – OFAC", program: "RUSSIA-EO14024")
            .Company("holding", "Holding AO").Company("target", "Target OOO")
            .Owns("oligarch", "holding", "51%").Owns("holding", "target", "60%");

        var exposure = await ExposureOf(graph, "target");

        Assert.True(exposure.Blocked);
        Assert.False(exposure.DirectlySanctioned);
        Assert.Equal(60, exposure.BlockedOwnershipPercent);
        Assert.Equal("Target OOO is blocked under the OFAC 50% rule as of 2026-11-27: Holding AO (blocked by ownership: Oleg Oligarch holds 51%) holds 60%, which is ≥ 50%.", exposure.Explanation);
    }

    [Fact]
    public async Task a_stake_held_through_a_company_that_is_not_blocked_does_not_count()
    {
        var graph = FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("meridian", "Meridian Holdings").Company("target", "Target OOO")
            .Owns("oligarch", "meridian", "45%").Owns("meridian", "target", "70%").Owns("oligarch", "target", "10%");

        var exposure = await ExposureOf(graph, "target");

        Assert.False(exposure.Blocked);
        Assert.Equal(10, exposure.BlockedOwnershipPercent);
        Assert.Contains(exposure.Contributions, c => c.OwnerId == "meridian" && !c.OwnerBlocked && c.Percentage == 70);
    }

    [Fact]
    public async Task several_share_classes_of_one_owner_add_up()
    {
        var graph = FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("target", "Target OOO")
            .Owns("oligarch", "target", "30%", id: "own-ordinary").Owns("oligarch", "target", "20%", id: "own-preferred");

        var exposure = await ExposureOf(graph, "target");

        Assert.True(exposure.Blocked);
        Assert.Equal(50, exposure.BlockedOwnershipPercent);
        Assert.Equal(2, exposure.Contributions.Count);
        Assert.Contains("Oleg Oligarch (sanctioned by an unnamed authority) holds 50%", exposure.Explanation);
    }

    [Fact]
    public async Task an_ownership_cycle_does_not_block_itself()
    {
        var graph = FtmGraph.Create()
            .Company("a", "Alpha Ltd").Company("b", "Beta Ltd")
            .Owns("a", "b", "60%").Owns("b", "a", "60%");

        var exposure = await ExposureOf(graph, "a");

        Assert.False(exposure.Blocked);
        Assert.Equal(0, exposure.BlockedOwnershipPercent);
    }

    [Fact]
    public async Task a_cycle_is_blocked_once_a_sanctioned_owner_holds_enough_of_it()
    {
        var graph = FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("a", "Alpha Ltd").Company("b", "Beta Ltd")
            .Owns("a", "b", "60%").Owns("b", "a", "40%").Owns("oligarch", "a", "50%");

        var exposure = await ExposureOf(graph, "b");

        Assert.True(exposure.Blocked);
        Assert.Equal(60, exposure.BlockedOwnershipPercent);
    }

    [Fact]
    public async Task an_expired_sanction_does_not_block()
    {
        var graph = FtmGraph.Create()
            .Company("target", "Target OOO").Sanction("target", authority: "OFAC", endDate: "2023-06-30");

        var exposure = await ExposureOf(graph, "target");

        Assert.False(exposure.Blocked);
        Assert.False(exposure.DirectlySanctioned);
        Assert.Empty(exposure.Sanctions);
    }

    [Fact]
    public async Task a_directly_sanctioned_party_is_blocked_and_cites_its_sanction()
    {
        var graph = FtmGraph.Create()
            .Company("target", "Target OOO").Sanction("target", authority: "US Department of the Treasury – OFAC", program: "RUSSIA-EO14024");

        var exposure = await ExposureOf(graph, "target");

        Assert.True(exposure.Blocked);
        Assert.True(exposure.DirectlySanctioned);
        Assert.Equal("Target OOO is blocked under the OFAC 50% rule as of 2026-11-27: it is directly sanctioned by OFAC, RUSSIA-EO14024.", exposure.Explanation);
    }

    [Fact]
    public async Task an_ownership_that_ended_before_the_day_does_not_count()
    {
        var graph = FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("target", "Target OOO")
            .Owns("oligarch", "target", "60%", startDate: "2019-01-01", endDate: "2022-03-15");

        var exposure = await ExposureOf(graph, "target");

        Assert.False(exposure.Blocked);
        Assert.Empty(exposure.Contributions);
    }

    [Fact]
    public async Task an_ownership_that_starts_after_the_day_does_not_count()
    {
        var graph = FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("target", "Target OOO")
            .Owns("oligarch", "target", "60%", startDate: "2027-01-01");

        var exposure = await ExposureOf(graph, "target");

        Assert.False(exposure.Blocked);
    }

    [Fact]
    public async Task exactly_fifty_percent_blocks()
    {
        var graph = FtmGraph.Create()
            .Person("orlov", "Dmitry Orlov").Sanction("orlov")
            .Company("target", "Target OOO").Person("sidorov", "Ivan Sidorov")
            .Owns("orlov", "target", "50").Owns("sidorov", "target", "50");

        var exposure = await ExposureOf(graph, "target");

        Assert.True(exposure.Blocked);
        Assert.Equal(50, exposure.BlockedOwnershipPercent);
    }

    [Fact]
    public async Task forty_nine_point_nine_percent_does_not_block()
    {
        var graph = FtmGraph.Create()
            .Person("orlov", "Dmitry Orlov").Sanction("orlov")
            .Company("target", "Target OOO")
            .Owns("orlov", "target", "49.9%");

        var exposure = await ExposureOf(graph, "target");

        Assert.False(exposure.Blocked);
        Assert.Equal(49.9, exposure.BlockedOwnershipPercent);
        Assert.Equal("Target OOO is not blocked under the OFAC 50% rule as of 2026-11-27: Dmitry Orlov (sanctioned by an unnamed authority) holds 49.9%, which is < 50%.", exposure.Explanation);
    }

    [Fact]
    public async Task a_range_blocks_through_its_minimum_and_says_so()
    {
        var graph = FtmGraph.Create()
            .Person("orlov", "Dmitry Orlov").Sanction("orlov", authority: "OFAC")
            .Company("target", "Target OOO")
            .Owns("orlov", "target", "50-75%");

        var exposure = await ExposureOf(graph, "target");

        Assert.True(exposure.Blocked);
        Assert.Equal(50, exposure.BlockedOwnershipPercent);
        var contribution = Assert.Single(exposure.Contributions);
        Assert.True(contribution.IsRange);
        Assert.Equal("50-75%", contribution.PercentageText);
        Assert.Contains("holds at least 50%", exposure.Explanation);
    }

    [Fact]
    public async Task a_majority_stake_is_reported_as_unknown_and_never_counted()
    {
        var graph = FtmGraph.Create()
            .Person("orlov", "Dmitry Orlov").Sanction("orlov", authority: "OFAC")
            .Company("target", "Target OOO")
            .Owns("orlov", "target", "majority");

        var exposure = await ExposureOf(graph, "target");

        Assert.False(exposure.Blocked);
        Assert.Equal(0, exposure.BlockedOwnershipPercent);
        var contribution = Assert.Single(exposure.Contributions);
        Assert.Null(contribution.Percentage);
        Assert.True(contribution.OwnerBlocked);
        Assert.Contains("Stakes of unknown size, not counted: Dmitry Orlov (sanctioned by OFAC) holds \"majority\".", exposure.Explanation);
    }

    [Fact]
    public async Task control_is_a_red_flag_under_the_eu_rule_never_a_block()
    {
        var graph = FtmGraph.Create()
            .Person("lebedev", "Andrei Lebedev").Sanction("lebedev", authority: "Council of the European Union")
            .Company("target", "Target OOO")
            .Controls("lebedev", "target", "nominee director");

        var exposure = await ExposureOf(graph, "target", OwnershipRule.Eu);

        Assert.False(exposure.Blocked);
        var flag = Assert.Single(exposure.ControlFlags);
        Assert.Equal("lebedev", flag.ControllerId);
        Assert.Contains("Control red flag (not a block): Andrei Lebedev (sanctioned by EU) controls it", exposure.Explanation);
    }

    [Fact]
    public async Task an_unknown_party_has_no_exposure()
    {
        await using var store = await ExposureStore.OpenAsync(FtmGraph.Create().Company("acme", "Acme").Entities, Ct);

        Assert.Null(await store.Calculator.CalculateAsync("nobody", OwnershipRule.Ofac, AsOf, Ct));
    }

    [Fact]
    public async Task owners_beyond_the_depth_bound_are_not_followed_and_the_verdict_says_so()
    {
        var graph = FtmGraph.Create().Person("oligarch", "Oleg Oligarch").Sanction("oligarch").Company("c0", "C0");
        graph.Owns("oligarch", "c0", "100%");
        for (var i = 1; i <= 4; i++)
            graph.Company($"c{i}", $"C{i}").Owns($"c{i - 1}", $"c{i}", "100%");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);

        var shallow = await new ExposureCalculator(store.Store) { MaxDepth = 3 }.CalculateAsync("c4", OwnershipRule.Ofac, AsOf, Ct);
        var deep = await store.Calculator.CalculateAsync("c4", OwnershipRule.Ofac, AsOf, Ct);

        Assert.False(shallow!.Blocked);
        Assert.True(shallow.Truncated);
        Assert.Contains("not followed to its end", shallow.Explanation);
        Assert.True(deep!.Blocked);
        Assert.False(deep.Truncated);
    }

    [Fact]
    public async Task a_batch_of_parties_may_read_more_links_than_one_party_may_and_is_judged_as_each_alone()
    {
        var graph = FtmGraph.Create().Person("a", "Owner A").Sanction("a").Person("b", "Owner B").Sanction("b");
        for (var i = 0; i < 20; i++)
            graph.Company($"c{i}", $"C{i}").Owns("a", $"c{i}", "30%").Owns("b", $"c{i}", "30%");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);
        var calculator = new ExposureCalculator(store.Store) { LinkLimit = 3 };

        var all = await calculator.CalculateManyAsync([.. Enumerable.Range(0, 20).Select(i => $"c{i}")], OwnershipRule.Ofac, AsOf, Ct);

        Assert.Equal(20, all.Count);
        Assert.All(all.Values, e =>
        {
            Assert.True(e.Blocked, e.Explanation);
            Assert.Equal(60, e.BlockedOwnershipPercent);
            Assert.False(e.Truncated);
        });
    }
}
