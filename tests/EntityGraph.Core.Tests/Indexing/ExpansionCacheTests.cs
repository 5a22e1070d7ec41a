using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Core.Tests.Paths;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Indexing;

/// <summary>The links around single nodes kept by an <see cref="IndexedGraphStore"/>, against a real SQLite store.</summary>
public class ExpansionCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FtmGraph Hub() => FtmGraph.Create()
        .Company("hub", "Hub").Company("a", "A").Company("b", "B").Person("owner", "Owner")
        .Shipment("s1", "hub", "a").Shipment("s2", "hub", "b").Shipment("s3", "a", "hub", declarant: "owner")
        .Owns("owner", "hub");

    [Fact]
    public async Task a_kept_expansion_answers_as_the_store_does_for_any_limit_kinds_and_direction_without_asking_it_again()
    {
        await using var store = await TestStores.CreateAsync(TestStores.Sqlite, Hub().Entities, Ct);
        var expansions = new LinkExpansion[]
        {
            new(["hub"]),
            new(["hub"], Limit: 2),
            new(["hub"], Direction: LinkDirection.Outgoing),
            new(["hub"], Direction: LinkDirection.Incoming),
            new(["hub"], [LinkKind.Sent]),
            new(["hub"], [LinkKind.Received, LinkKind.Owns]),
            new(["hub"], ActiveFrom: new DateOnly(2030, 1, 1)),
            new(["a"]),
            new(["hub", "a"]),
        };

        // Without the trade index, and with it: then the store is not asked for sender and receiver links.
        foreach (var built in new[] { false, true })
        {
            var recording = new RecordingGraphStore(store.Store);
            var indexed = new IndexedGraphStore(recording) { CachedExpansionMinimum = 2 };
            if (built)
                await indexed.BuildNowAsync(Ct);
            var asked = new List<int>();
            foreach (var round in new[] { 1, 2 })
            {
                foreach (var expansion in expansions)
                    Assert.Equal(Describe(await store.Store.ExpandAsync(expansion, Ct)), Describe(await indexed.ExpandAsync(expansion, Ct)));
                asked.Add(recording.Expansions.Count);
            }

            // The second round did not ask the store at all; the cut expansion was answered from the complete
            // one before it.
            Assert.Equal(asked[0], asked[1]);
            Assert.DoesNotContain(recording.Expansions, e => e.Limit == 2);
            if (built)
                Assert.DoesNotContain(recording.Expansions, e => e.Kinds is { } kinds && kinds.Contains(LinkKind.Sent));
        }
    }

    [Fact]
    public async Task the_links_of_a_node_are_kept_from_a_read_of_many_nodes_and_only_the_others_are_read_again()
    {
        await using var store = await TestStores.CreateAsync(TestStores.Sqlite, Hub().Entities, Ct);
        var recording = new RecordingGraphStore(store.Store);
        var indexed = new IndexedGraphStore(recording) { CachedExpansionMinimum = 4 };
        // Built first, so that no build in the background changes which reads reach the store midway.
        await indexed.BuildNowAsync(Ct);
        var expansions = new LinkExpansion[]
        {
            new(["hub", "b"]),
            new(["hub"]),
            new(["hub"], Limit: 3),
            new(["owner", "hub", "b"]),
            new(["hub", "a"], Direction: LinkDirection.Outgoing),
            new(["hub", "a"], Direction: LinkDirection.Outgoing),
            new(["hub", "s1"], Limit: 4),
            new(["hub", "a"], Limit: 2),
            new(["a"]),
        };

        foreach (var expansion in expansions)
            Assert.Equal(Describe(await store.Store.ExpandAsync(expansion, Ct)), Describe(await indexed.ExpandAsync(expansion, Ct)));

        // hub has 4 links both ways (b has 1, owner 2): after the first read, hub is answered from memory and
        // only the others are read. Its 2 outgoing links are too few to keep. The shipment s1 is answered by
        // the trade index, and so is a's sender link; the store is asked for a's links of other kinds.
        Assert.Equal(
            ["b,hub Both", "b,owner Both", "a,hub Outgoing", "a,hub Outgoing", "a Both", "a Both"],
            recording.Expansions.Select(e => $"{string.Join(',', e.NodeIds.Order(StringComparer.Ordinal))} {e.Direction}"));
    }

    [Fact]
    public async Task a_read_that_fills_the_cache_does_not_keep_part_of_a_held_node_as_all_of_it()
    {
        // hub's 4 links are kept; reading owner with hub then fills the cache (4 + 2 > 5), which starts over.
        // The one link between them must not come back as all of hub's links.
        await using var store = await TestStores.CreateAsync(TestStores.Sqlite, Hub().Entities, Ct);
        var indexed = new IndexedGraphStore(store.Store) { CachedExpansionMinimum = 1, LinkCacheSize = 5 };
        await indexed.BuildNowAsync(Ct);

        foreach (var expansion in new LinkExpansion[] { new(["hub"]), new(["hub", "owner"]), new(["hub"]) })
            Assert.Equal(Describe(await store.Store.ExpandAsync(expansion, Ct)), Describe(await indexed.ExpandAsync(expansion, Ct)));
    }

    [Fact]
    public async Task a_kept_expansion_is_dropped_when_the_store_changes()
    {
        await using var store = await TestStores.CreateAsync(TestStores.Sqlite, Hub().Entities, Ct);
        var indexed = new IndexedGraphStore(store.Store) { CachedExpansionMinimum = 1 };
        var before = await indexed.ExpandAsync(new LinkExpansion(["hub"]), Ct);

        var more = FtmGraph.Create().Company("c", "C").Shipment("s4", "hub", "c").Entities;
        await store.Store.UpsertAsync(more, new ImportRun("fixture", "fixture-run-2", DateTimeOffset.UnixEpoch), Ct);
        var after = await indexed.ExpandAsync(new LinkExpansion(["hub"]), Ct);

        Assert.DoesNotContain(before, l => l.TargetId == "s4");
        Assert.Equal(Describe(await store.Store.ExpandAsync(new LinkExpansion(["hub"]), Ct)), Describe(after));
        Assert.Contains(after, l => l.TargetId == "s4");
    }

    private static List<string> Describe(IReadOnlyList<Link> links) =>
        [.. links.Select(l => $"{l.Id} {l.Kind} {l.SourceId}>{l.TargetId} {string.Join(',', l.Provenance.Datasets)} {l.Provenance.SourceId} {l.Provenance.FirstSeen:O} {l.Provenance.LastSeen:O}")];
}
