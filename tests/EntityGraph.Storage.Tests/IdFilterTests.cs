using EntityGraph.Storage.Sqlite.Internal;

namespace EntityGraph.Storage.Tests;

/// <summary>The bulk load's filter of ids written: never "no" for an id it took, and rarely "maybe" for one it did not, however many it took.</summary>
public sealed class IdFilterTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(50_000)]
    [InlineData(400_000)]
    public void every_id_added_is_found_and_few_others_are_once_it_has_grown(int count)
    {
        // 64 Ki bits to start with: 6,553 ids fill the first layer, so the larger cases grow it to several.
        var filter = new IdFilter(1 << 16);
        for (var i = 0; i < count; i++)
            filter.Add(Id("added", i));

        for (var i = 0; i < count; i++)
            Assert.True(filter.MayContain(Id("added", i)), $"id {i} of {count} was added but not found");
        var falseMaybes = Enumerable.Range(0, 100_000).Count(i => filter.MayContain(Id("other", i)));
        Assert.InRange(falseMaybes, 0, 100_000 / 10);
    }

    [Fact]
    public void a_size_that_is_not_a_power_of_two_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IdFilter(1000));

    private static string Id(string kind, int i) => Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes($"{kind}-{i}")));
}
