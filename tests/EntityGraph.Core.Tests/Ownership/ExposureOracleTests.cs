using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Ownership;

/// <summary>The calculator agrees with a brute-force fixpoint over every party on small random graphs.</summary>
public class ExposureOracleTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);
    private static readonly string[] Stakes = ["10%", "25%", "30", "20.5 %", "49.9%", "50%", "50-75%", "majority", "100%"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Stake(string Owner, string Asset, string Text, bool Active);

    [Fact]
    public async Task the_calculator_agrees_with_a_brute_force_fixpoint_on_200_random_graphs()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var count = random.Next(2, 8);
            var graph = FtmGraph.Create();
            var sanctioned = new HashSet<string>(StringComparer.Ordinal);
            List<Stake> stakes = [];
            for (var i = 0; i < count; i++)
            {
                graph.Company($"p{i}", $"Party {i}");
                var roll = random.NextDouble();
                if (roll < 0.2)
                {
                    graph.Sanction($"p{i}", authority: "OFAC");
                    sanctioned.Add($"p{i}");
                }
                else if (roll < 0.3)
                {
                    graph.Sanction($"p{i}", authority: "OFAC", endDate: "2023-06-30");
                }
            }

            var links = random.Next(0, count * 2);
            for (var l = 0; l < links; l++)
            {
                var owner = $"p{random.Next(count)}";
                var asset = $"p{random.Next(count)}";
                if (owner == asset)
                    continue;
                var text = Stakes[random.Next(Stakes.Length)];
                var ended = random.NextDouble() < 0.15;
                graph.Owns(owner, asset, text, endDate: ended ? "2022-03-15" : null, id: $"own-{l}");
                stakes.Add(new Stake(owner, asset, text, !ended));
            }

            List<(string Controller, string Controlled)> controls = [];
            for (var c = random.Next(0, count); c > 0; c--)
            {
                var controller = $"p{random.Next(count)}";
                var controlled = $"p{random.Next(count)}";
                if (controller == controlled || controls.Contains((controller, controlled)))
                    continue;
                graph.Controls(controller, controlled, id: $"ctl-{controller}-{controlled}");
                controls.Add((controller, controlled));
            }

            var expected = Oracle(count, sanctioned, stakes);
            await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);
            for (var i = 0; i < count; i++)
            {
                var exposure = await store.Calculator.CalculateAsync($"p{i}", OwnershipRule.Ofac, AsOf, Ct);
                Assert.True(expected.Contains($"p{i}") == exposure!.Blocked, $"seed {seed}, party p{i}: expected blocked={expected.Contains($"p{i}")}; {exposure.Explanation}");
            }

            // All parties judged together agree with each judged alone; under the EU rule control never blocks and
            // every blocked controller is flagged.
            var all = Enumerable.Range(0, count).Select(i => $"p{i}").ToList();
            var ofac = await store.Calculator.CalculateManyAsync(all, OwnershipRule.Ofac, AsOf, Ct);
            var eu = await store.Calculator.CalculateManyAsync(all, OwnershipRule.Eu, AsOf, Ct);
            foreach (var id in all)
            {
                Assert.True(expected.Contains(id) == ofac[id].Blocked, $"seed {seed}, party {id} judged with the others under OFAC");
                Assert.True(expected.Contains(id) == eu[id].Blocked, $"seed {seed}, party {id} under EU: {eu[id].Explanation}");
                Assert.Equal(
                    controls.Where(c => c.Controlled == id && expected.Contains(c.Controller)).Select(c => c.Controller).Order(StringComparer.Ordinal),
                    eu[id].ControlFlags.Select(f => f.ControllerId).Order(StringComparer.Ordinal));
                Assert.Empty(ofac[id].ControlFlags);
            }
        }
    }

    /// <summary>
    /// The least fixpoint by brute force: the intersection of every set of parties that contains the
    /// sanctioned and is closed under the rule (a party whose owners in the set hold 50% or more is in it).
    /// </summary>
    private static HashSet<string> Oracle(int count, HashSet<string> sanctioned, List<Stake> stakes)
    {
        HashSet<string>? least = null;
        for (var mask = 0; mask < 1 << count; mask++)
        {
            var set = Enumerable.Range(0, count).Where(i => (mask & (1 << i)) != 0).Select(i => $"p{i}").ToHashSet(StringComparer.Ordinal);
            if (!sanctioned.IsSubsetOf(set))
                continue;
            var closed = Enumerable.Range(0, count).Select(i => $"p{i}").All(asset => set.Contains(asset)
                || stakes.Where(s => s.Active && s.Asset == asset && set.Contains(s.Owner)).Sum(s => OwnershipShare.Parse(s.Text, out _)?.Minimum ?? 0) < 50);
            if (!closed)
                continue;
            least ??= set;
            least.IntersectWith(set);
        }

        var iterated = Iterate(count, sanctioned, stakes);
        Assert.Equal(iterated.Order(StringComparer.Ordinal), least!.Order(StringComparer.Ordinal));
        return least!;
    }

    private static HashSet<string> Iterate(int count, HashSet<string> sanctioned, List<Stake> stakes)
    {
        var blocked = new HashSet<string>(sanctioned, StringComparer.Ordinal);
        for (var round = 0; round <= count; round++)
        {
            for (var i = 0; i < count; i++)
            {
                var held = stakes.Where(s => s.Active && s.Asset == $"p{i}" && blocked.Contains(s.Owner))
                    .Sum(s => OwnershipShare.Parse(s.Text, out _)?.Minimum ?? 0);
                if (held >= 50)
                    blocked.Add($"p{i}");
            }
        }

        return blocked;
    }
}
