using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Ownership;

public class BeneficialOwnerCalculatorTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task effective_ownership_multiplies_along_a_chain_and_adds_across_paths()
    {
        var graph = FtmGraph.Create()
            .Person("gromov", "Oleg Gromov").Person("gromova", "Irina Gromova")
            .Company("holding", "Holding AO").Company("target", "Target OOO")
            .Owns("gromov", "holding", "51%").Owns("holding", "target", "60%").Owns("gromov", "target", "10%")
            .Owns("gromova", "holding", "49%");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);

        var owners = await new BeneficialOwnerCalculator(store.Store).CalculateAsync("target", 25, 10, AsOf, Ct);

        var gromov = Assert.Single(owners, o => o.PersonId == "gromov");
        Assert.Equal(40.6, gromov.EffectivePercent);
        Assert.Equal(2, gromov.Paths.Count);
        var gromova = Assert.Single(owners, o => o.PersonId == "gromova");
        Assert.Equal(29.4, gromova.EffectivePercent);
    }

    [Fact]
    public async Task owners_below_the_threshold_unknown_stakes_and_cycles_are_left_out()
    {
        var graph = FtmGraph.Create()
            .Person("small", "Small Holder").Person("vague", "Vague Holder")
            .Company("a", "Alpha").Company("b", "Beta").Company("target", "Target OOO")
            .Owns("a", "target", "100%").Owns("b", "a", "50%").Owns("a", "b", "50%")
            .Owns("small", "b", "40%").Owns("vague", "a", "majority");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);

        var owners = await new BeneficialOwnerCalculator(store.Store).CalculateAsync("target", 25, 10, AsOf, Ct);

        Assert.Empty(owners);
        var all = await new BeneficialOwnerCalculator(store.Store).CalculateAsync("target", 0, 10, AsOf, Ct);
        Assert.Equal(20, Assert.Single(all).EffectivePercent);
    }
}
