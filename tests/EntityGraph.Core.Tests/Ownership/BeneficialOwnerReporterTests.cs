using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Ownership;

public class BeneficialOwnerReporterTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task each_chain_runs_from_the_person_down_to_the_company_with_its_links_in_order()
    {
        var graph = FtmGraph.Create()
            .Person("gromov", "Oleg Gromov").Company("holding", "Holding AO").Company("target", "Target OOO")
            .Owns("gromov", "holding", "51%", id: "own-1").Owns("holding", "target", "60%", id: "own-2").Owns("gromov", "target", "10%", id: "own-3");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);

        var report = await new BeneficialOwnerReporter(store.Store).ReportAsync("target", 25, 10, AsOf, Ct);

        var owner = Assert.Single(report!.Owners);
        Assert.Equal(("gromov", 40.6), (owner.PersonId, owner.EffectivePercent));
        Assert.Equal(
            [["gromov", "holding", "target"], ["gromov", "target"]],
            owner.Chains.Select(c => c.NodeIds).OrderByDescending(n => n.Count));
        Assert.Equal([["own-1", "own-2"], ["own-3"]], owner.Chains.Select(c => c.Links.Select(l => l.Id)).OrderByDescending(l => l.Count()));
        Assert.Equal("Holding AO", report.Entities["holding"].First("name"));
    }

    [Fact]
    public async Task a_company_the_store_does_not_hold_has_no_report()
    {
        await using var store = await ExposureStore.OpenAsync(FtmGraph.Create().Company("target", "Target OOO").Entities, Ct);

        Assert.Null(await new BeneficialOwnerReporter(store.Store).ReportAsync("ghost", 25, 10, AsOf, Ct));
        Assert.Empty((await new BeneficialOwnerReporter(store.Store).ReportAsync("target", 25, 10, AsOf, Ct))!.Owners);
    }
}
