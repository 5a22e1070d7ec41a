using EntityGraph.Core.Analysis.Paths;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Paths;

public class PathFinderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PathQuery Between(string from, string to) => new() { FromId = from, ToId = to };

    /// <summary>Small graphs, by what they show.</summary>
    private static readonly Dictionary<string, Func<FtmGraph>> Situations = new(StringComparer.Ordinal)
    {
        ["two companies registered at one address"] = () =>
        {
            var fixture = FtmGraph.Create()
                .Company("alpha", "Alpha LLC").Company("beta", "Beta LLC")
                .Address("addr", "1 Frunze St, Bishkek", "kg", of: "alpha");
            return fixture.Set("beta", "addressEntity", "addr");
        },
        ["a shipment from a seller to a buyer"] = () =>
            FtmGraph.Create().Company("seller", "Seller GmbH").Company("buyer", "Buyer AO").Shipment("s1", "seller", "buyer", "2023-01-05"),
        ["a and b joined in one, two and three hops"] = () => FtmGraph.Create()
            .Company("a", "A").Company("b", "B").Company("c", "C").Company("d", "D").Company("e", "E")
            .Owns("d", "e").Owns("e", "b").Owns("a", "d")
            .Directs("c", "b").Directs("a", "c")
            .Owns("a", "b"),
        ["two owners between from and to"] = () => FtmGraph.Create()
            .Company("from", "From").Company("to", "To").Company("x", "X").Company("m", "M")
            .Owns("from", "x").Owns("x", "to").Owns("from", "m").Owns("m", "to"),
        ["a and b sharing an address and a holding"] = () =>
        {
            var fixture = FtmGraph.Create()
                .Company("a", "A").Company("b", "B").Company("holding", "Holding")
                .Address("addr", "Dubai Silicon Oasis", "ae", of: "a")
                .Owns("holding", "a").Owns("holding", "b");
            return fixture.Set("b", "addressEntity", "addr");
        },
        ["ivanov owning acme through a holding, acme and ivanov owning a side company"] = () => FtmGraph.Create()
            .Person("ivanov", "Ivanov").Company("holding", "Holding").Company("acme", "Acme").Company("side", "Side")
            .Owns("ivanov", "holding").Owns("holding", "acme")
            .Owns("ivanov", "side").Owns("acme", "side"),
        ["one person owning and directing two companies"] = () => FtmGraph.Create()
            .Person("lebedev", "Lebedev").Company("tengri", "Tengri").Company("treid", "Treid")
            .Owns("lebedev", "tengri", "51%").Directs("lebedev", "tengri")
            .Owns("lebedev", "treid", "100").Directs("lebedev", "treid"),
        ["a owning b"] = () => FtmGraph.Create().Company("a", "A").Company("b", "B").Owns("a", "b"),
    };

    /// <summary>A query from a row: <c>""</c>, or options such as <c>"limit 2"</c>, <c>"maxHops 2"</c>, <c>"kinds Owns Directs"</c>, <c>"outgoing"</c>, <c>"unbounded links"</c>.</summary>
    private static PathQuery Query(string from, string to, string options) => options.Split(' ', 2) switch
    {
        [""] => Between(from, to),
        ["limit", var limit] => Between(from, to) with { Limit = int.Parse(limit, System.Globalization.CultureInfo.InvariantCulture) },
        ["maxHops", var hops] => Between(from, to) with { MaxHops = int.Parse(hops, System.Globalization.CultureInfo.InvariantCulture) },
        ["kinds", var kinds] => Between(from, to) with { Kinds = [.. kinds.Split(' ').Select(Enum.Parse<LinkKind>)] },
        ["outgoing"] => Between(from, to) with { Direction = LinkDirection.Outgoing },
        ["incoming"] => Between(from, to) with { Direction = LinkDirection.Incoming },
        ["unbounded", "links"] => Between(from, to) with { LinkBudget = int.MaxValue },
        _ => throw new ArgumentException($"Unknown path query options '{options}'.", nameof(options)),
    };

    [Theory]
    [InlineData("two companies registered at one address", "alpha", "beta", "", new[] { "alpha -[alpha:addressEntity:addr]- addr -[beta:addressEntity:addr]- beta" })]
    [InlineData("a shipment from a seller to a buyer", "buyer", "seller", "", new[] { "buyer -[s1:receiver:buyer]- s1 -[s1:sender:seller]- seller" })]
    [InlineData("a and b joined in one, two and three hops", "a", "b", "", new[] { "a -[own-a-b]- b", "a -[dir-a-c]- c -[dir-c-b]- b", "a -[own-a-d]- d -[own-d-e]- e -[own-e-b]- b" })]
    [InlineData("a and b joined in one, two and three hops", "a", "b", "limit 2", new[] { "a -[own-a-b]- b", "a -[dir-a-c]- c -[dir-c-b]- b" })]
    [InlineData("a and b joined in one, two and three hops", "a", "b", "maxHops 2", new[] { "a -[own-a-b]- b", "a -[dir-a-c]- c -[dir-c-b]- b" })]
    [InlineData("two owners between from and to", "from", "to", "", new[] { "from -[own-from-m]- m -[own-m-to]- to", "from -[own-from-x]- x -[own-x-to]- to" })]
    [InlineData("a and b sharing an address and a holding", "a", "b", "", new[] { "a -[a:addressEntity:addr]- addr -[b:addressEntity:addr]- b", "a -[own-holding-a]- holding -[own-holding-b]- b" })]
    [InlineData("a and b sharing an address and a holding", "a", "b", "kinds Owns Directs", new[] { "a -[own-holding-a]- holding -[own-holding-b]- b" })]
    [InlineData("a and b sharing an address and a holding", "a", "b", "kinds Sent Received", new string[0])]
    [InlineData("ivanov owning acme through a holding, acme and ivanov owning a side company", "ivanov", "acme", "outgoing", new[] { "ivanov -[own-ivanov-holding]- holding -[own-holding-acme]- acme" })]
    [InlineData("ivanov owning acme through a holding, acme and ivanov owning a side company", "acme", "ivanov", "outgoing", new string[0])]
    [InlineData("ivanov owning acme through a holding, acme and ivanov owning a side company", "acme", "ivanov", "incoming", new[] { "acme -[own-holding-acme]- holding -[own-ivanov-holding]- ivanov" })]
    [InlineData("ivanov owning acme through a holding, acme and ivanov owning a side company", "acme", "ivanov", "", new[] { "acme -[own-holding-acme]- holding -[own-ivanov-holding]- ivanov", "acme -[own-acme-side]- side -[own-ivanov-side]- ivanov" })]
    [InlineData("one person owning and directing two companies", "tengri", "treid", "limit 3", new[] { "tengri -[dir-lebedev-tengri]- lebedev -[dir-lebedev-treid]- treid", "tengri -[dir-lebedev-tengri]- lebedev -[own-lebedev-treid]- treid", "tengri -[own-lebedev-tengri]- lebedev -[dir-lebedev-treid]- treid" })]
    [InlineData("a owning b", "a", "b", "unbounded links", new[] { "a -[own-a-b]- b" })]
    public async Task the_shortest_paths_come_first_then_by_node_ids_over_the_links_asked_for(string situation, string from, string to, string options, string[] paths)
    {
        await using var graph = await PathGraph.LoadAsync(Situations[situation](), Ct);

        Assert.Equal(paths, await graph.DescribeAsync(Query(from, to, options)));
    }

    [Fact]
    public async Task parallel_links_between_the_same_two_nodes_are_separate_paths()
    {
        await using var graph = await PathGraph.LoadAsync(Situations["one person owning and directing two companies"](), Ct);

        Assert.Equal(4, (await graph.FindAsync(Between("tengri", "treid"))).Connections.Count);
    }

    [Fact]
    public async Task a_direct_link_is_a_path_of_one_hop()
    {
        await using var graph = await PathGraph.LoadAsync(
            FtmGraph.Create().Person("ivanov", "Ivan Ivanov").Company("acme", "Acme GmbH").Owns("ivanov", "acme", "51%"), Ct);

        var result = await graph.FindAsync(Between("acme", "ivanov"));

        var path = Assert.Single(result.Connections);
        Assert.Equal(["acme", "ivanov"], path.NodeIds);
        Assert.Equal(LinkKind.Owns, Assert.Single(path.Links).Kind);
        Assert.Equal("ivanov", path.Links[0].SourceId);
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task no_path_within_max_hops_gives_nothing()
    {
        await using var graph = await PathGraph.LoadAsync(
            FtmGraph.Create()
                .Company("a", "A").Company("b", "B").Company("c", "C").Company("d", "D").Company("island", "Island")
                .Owns("a", "b").Owns("b", "c").Owns("c", "d"),
            Ct);

        var tooFar = await graph.FindAsync(Between("a", "d") with { MaxHops = 2 });
        Assert.Empty(tooFar.Connections);
        Assert.False(tooFar.Truncated);
        Assert.Empty((await graph.FindAsync(Between("a", "island"))).Connections);
        Assert.Empty((await graph.FindAsync(Between("a", "nobody"))).Connections);
        Assert.Single((await graph.FindAsync(Between("a", "d") with { MaxHops = 3 })).Connections);
    }

    [Fact]
    public async Task a_cycle_never_makes_a_node_appear_twice_in_a_path()
    {
        await using var graph = await PathGraph.LoadAsync(
            FtmGraph.Create()
                .Company("a", "A").Company("b", "B").Company("c", "C").Company("t", "T")
                .Owns("a", "b").Owns("b", "c").Owns("c", "a").Owns("c", "t"),
            Ct);

        var result = await graph.FindAsync(Between("a", "t") with { MaxHops = 8 });

        Assert.Equal(
            ["a -[own-c-a]- c -[own-c-t]- t", "a -[own-a-b]- b -[own-b-c]- c -[own-c-t]- t"],
            result.Connections.Select(PathGraph.Describe));
        Assert.All(result.Connections, p => Assert.Equal(p.NodeIds.Count, p.NodeIds.Distinct().Count()));
    }

    [Fact]
    public async Task a_hub_address_is_read_once_in_one_store_call_for_the_whole_frontier()
    {
        var fixture = FtmGraph.Create().Address("hub", "Mass registration address", "kg");
        for (var i = 0; i < 300; i++)
            fixture.Company($"shell-{i:D3}", $"Shell {i}").Set($"shell-{i:D3}", "addressEntity", "hub");
        await using var graph = await PathGraph.LoadAsync(fixture, Ct);

        var first = await graph.FindAsync(Between("shell-007", "shell-123") with { Limit = 1 });
        var all = await graph.FindAsync(Between("shell-007", "shell-123"));

        Assert.Equal(["shell-007 -[shell-007:addressEntity:hub]- hub -[shell-123:addressEntity:hub]- shell-123"], first.Connections.Select(PathGraph.Describe));
        Assert.Equal(first.Connections.Select(PathGraph.Describe), all.Connections.Select(PathGraph.Describe));
        Assert.Equal((2, 301), (first.Expansions, first.LinksRead));
        // Proving there is no other path reads every shell once, in one call per level, and the hub once.
        Assert.Equal((4, 600), (all.Expansions, all.LinksRead));
        Assert.False(all.Truncated);
    }

    [Fact]
    public async Task through_the_trade_index_the_links_of_a_hub_end_are_left_unread_when_the_other_end_reaches_it_cheaper()
    {
        // a sends to b, b sends to c; a also sends to 300 other customers.
        var fixture = FtmGraph.Create().Company("a", "A").Company("b", "B").Company("c", "C")
            .Shipment("s-ab", "a", "b").Shipment("s-bc", "b", "c");
        for (var i = 0; i < 300; i++)
            fixture.Company($"x-{i:D3}", $"X {i}").Shipment($"s-x-{i:D3}", "a", $"x-{i:D3}");
        await using var plain = await PathGraph.LoadAsync(fixture, Ct);
        await using var indexed = await PathGraph.LoadAsync(fixture, Ct, indexed: true);
        var query = Between("a", "c") with { MaxHops = 4 };

        var byFrontier = await plain.FindAsync(query);
        var byCounts = await indexed.FindAsync(query);

        Assert.Equal(["a -[s-ab:sender:a]- s-ab -[s-ab:receiver:b]- b -[s-bc:sender:b]- s-bc -[s-bc:receiver:c]- c"], byCounts.Connections.Select(PathGraph.Describe));
        Assert.Equal(byFrontier.Connections.Select(PathGraph.Describe), byCounts.Connections.Select(PathGraph.Describe));
        // Frontier sizes tie at the start, so the plain search reads a's 301 links first. Through the index
        // the search goes from c through s-bc and b (1 + 2 + 2 links) and, on the last level, takes from
        // s-ab only its link to a's ball (1); a's 301 are never taken in. The store is asked only for the
        // links of other kinds around c and b: shipments without other links cost no store call.
        Assert.Equal((4, 306), (byFrontier.Expansions, byFrontier.LinksRead));
        Assert.Equal((2, 6), (byCounts.Expansions, byCounts.LinksRead));
        Assert.False(byCounts.Truncated);
    }

    [Fact]
    public async Task through_the_trade_index_two_hubs_met_at_the_last_level_are_joined_without_reading_their_shipments()
    {
        // a sends to h1, h2 sends to c, h1 owns h2; h1 and h2 each trade with 300 others.
        var fixture = FtmGraph.Create().Company("a", "A").Company("c", "C").Company("h1", "H1").Company("h2", "H2")
            .Shipment("s1", "a", "h1").Shipment("s2", "h2", "c").Owns("h1", "h2");
        for (var i = 0; i < 300; i++)
        {
            fixture.Company($"x-{i:D3}", $"X {i}").Shipment($"s-x-{i:D3}", "h1", $"x-{i:D3}");
            fixture.Company($"y-{i:D3}", $"Y {i}").Shipment($"s-y-{i:D3}", $"y-{i:D3}", "h2");
        }

        await using var plain = await PathGraph.LoadAsync(fixture, Ct);
        await using var indexed = await PathGraph.LoadAsync(fixture, Ct, indexed: true);
        var query = Between("a", "c") with { MaxHops = 5 };

        var byFrontier = await plain.FindAsync(query);
        var byCounts = await indexed.FindAsync(query);

        Assert.Equal(["a -[s1:sender:a]- s1 -[s1:receiver:h1]- h1 -[own-h1-h2]- h2 -[s2:sender:h2]- s2 -[s2:receiver:c]- c"], byCounts.Connections.Select(PathGraph.Describe));
        Assert.Equal(byFrontier.Connections.Select(PathGraph.Describe), byCounts.Connections.Select(PathGraph.Describe));
        // By frontier size, h1's 302 links are read. Through the index, each end is read up to its hub (1 + 2
        // links a side); on the last level, between h1 and h2, of h1's 301 shipment links none touches h2's
        // ball, and the store gives the one link of another kind (the ownership). The store is asked for the
        // links of other kinds around a, c and h1 only.
        Assert.Equal((5, 308), (byFrontier.Expansions, byFrontier.LinksRead));
        Assert.Equal((3, 7), (byCounts.Expansions, byCounts.LinksRead));
        Assert.False(byCounts.Truncated);
    }

    [Fact]
    public async Task on_the_last_level_the_links_between_the_frontiers_are_read_around_the_smaller_one_in_its_own_direction()
    {
        // a owns ten companies, one of which owns the hub h; h owns c and trades with 30 others.
        var fixture = FtmGraph.Create().Company("a", "A").Company("c", "C").Company("h", "H").Owns("h", "c", id: "own-h-c");
        for (var i = 0; i < 10; i++)
            fixture.Company($"o{i}", $"O {i}").Owns("a", $"o{i}", id: $"own-a-o{i}");
        fixture.Owns("o7", "h", id: "own-o7-h");
        for (var i = 0; i < 30; i++)
            fixture.Company($"x{i:D2}", $"X {i}").Shipment($"s{i:D2}", "h", $"x{i:D2}");
        await using var graph = await PathGraph.LoadAsync(fixture, Ct);
        var recording = new RecordingGraphStore(graph.Store);
        var indexed = new IndexedGraphStore(recording);
        await indexed.BuildNowAsync(Ct);
        var query = Between("a", "c") with { MaxHops = 3, Direction = LinkDirection.Outgoing };

        var result = await new PathFinder(indexed, indexed).FindAsync(query, Ct);

        Assert.Equal(["a -[own-a-o7]- o7 -[own-o7-h]- h -[own-h-c]- c"], result.Connections.Select(PathGraph.Describe));
        Assert.Equal(await graph.DescribeAsync(query), result.Connections.Select(PathGraph.Describe));
        // a's ten companies are the forward frontier of the last level, but they are cheaper to expand than h
        // with its shipments; the links between them are read around h instead, following links into it.
        var last = recording.Expansions[^1];
        Assert.Equal(["h"], last.NodeIds);
        Assert.Equal(LinkDirection.Incoming, last.Direction);
    }

    [Fact]
    public async Task a_spent_link_budget_cuts_the_search_and_says_so()
    {
        var fixture = FtmGraph.Create().Company("a", "A").Company("b", "B").Address("hub", "Hub", of: "a");
        for (var i = 0; i < 50; i++)
            fixture.Company($"shell-{i:D2}", $"Shell {i}").Set($"shell-{i:D2}", "addressEntity", "hub").Owns($"shell-{i:D2}", "b");
        await using var graph = await PathGraph.LoadAsync(fixture, Ct);

        var generous = await graph.FindAsync(Between("a", "b") with { MaxHops = 3 });
        var cut = await graph.FindAsync(Between("a", "b") with { MaxHops = 3, LinkBudget = 20 });

        Assert.Equal(10, generous.Connections.Count);
        Assert.False(generous.Truncated);
        Assert.True(cut.Truncated);
        Assert.True(cut.LinksRead <= 20);
    }

    [Fact]
    public async Task a_path_needs_two_different_ends()
    {
        await using var graph = await PathGraph.LoadAsync(FtmGraph.Create().Company("a", "A"), Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => graph.FindAsync(Between("a", "a")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => graph.FindAsync(Between("a", "b") with { MaxHops = 0 }));
    }
}
