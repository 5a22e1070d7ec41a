using EntityGraph.Core.Analysis.Subgraphs;
using EntityGraph.Core.Model;
using EntityGraph.Core.Tests.Ownership;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Subgraphs;

public class SubgraphExplorerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FtmGraph Chain() => FtmGraph.Create()
        .Person("ivanov", "Ivan Ivanov").Company("holding", "Holding AO").Company("acme", "Acme LLC").Company("sub", "Sub LLC")
        .Owns("ivanov", "holding", "100%", id: "own-1").Owns("holding", "acme", "60%", id: "own-2").Owns("acme", "sub", "51%", id: "own-3")
        .Directs("ivanov", "acme", "director", id: "dir-1");

    [Fact]
    public async Task each_hop_adds_the_nodes_its_links_reach_the_start_nodes_first()
    {
        await using var store = await ExposureStore.OpenAsync(Chain().Entities, Ct);

        var one = await new SubgraphExplorer(store.Store).ExploreAsync(new SubgraphQuery(["acme"], 1, null, 500), Ct);
        var two = await new SubgraphExplorer(store.Store).ExploreAsync(new SubgraphQuery(["acme"], 2, null, 500), Ct);

        Assert.Equal("acme", one.NodeIds[0]);
        Assert.Equal(["acme", "holding", "ivanov", "sub"], one.NodeIds.Order(StringComparer.Ordinal));
        Assert.Equal(["dir-1", "own-2", "own-3"], one.Links.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["dir-1", "own-1", "own-2", "own-3"], two.Links.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.False(two.Truncated);
        Assert.Equal("Acme LLC", two.Entities["acme"].First("name"));
    }

    [Fact]
    public async Task only_the_kinds_asked_for_are_followed()
    {
        await using var store = await ExposureStore.OpenAsync(Chain().Entities, Ct);

        var subgraph = await new SubgraphExplorer(store.Store).ExploreAsync(new SubgraphQuery(["acme"], 3, [LinkKind.Directs], 500), Ct);

        Assert.Equal(["acme", "ivanov"], subgraph.NodeIds);
        Assert.Equal("dir-1", Assert.Single(subgraph.Links).Id);
    }

    [Fact]
    public async Task the_limit_cuts_nodes_and_links_says_truncated_and_keeps_every_link_between_kept_nodes()
    {
        await using var store = await ExposureStore.OpenAsync(Chain().Entities, Ct);

        var subgraph = await new SubgraphExplorer(store.Store).ExploreAsync(new SubgraphQuery(["acme"], 2, null, 3), Ct);

        Assert.True(subgraph.Truncated);
        Assert.Equal(3, subgraph.NodeIds.Count);
        Assert.True(subgraph.Links.Count <= 3);
        Assert.All(subgraph.Links, l => Assert.True(subgraph.NodeIds.Contains(l.SourceId) && subgraph.NodeIds.Contains(l.TargetId)));
    }

    [Fact]
    public async Task start_ids_the_store_does_not_hold_are_left_out()
    {
        await using var store = await ExposureStore.OpenAsync(Chain().Entities, Ct);

        var ghosts = await new SubgraphExplorer(store.Store).ExploreAsync(new SubgraphQuery(["ghost"], 1, null, 500), Ct);
        var mixed = await new SubgraphExplorer(store.Store).ExploreAsync(new SubgraphQuery(["ghost", "sub", "sub"], 0, null, 500), Ct);

        Assert.Empty(ghosts.NodeIds);
        Assert.Empty(ghosts.Links);
        Assert.Equal(["sub"], mixed.NodeIds);
    }
}
