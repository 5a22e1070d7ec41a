using EntityGraph.Storage.Sqlite.Internal;

namespace EntityGraph.Storage.Tests;

/// <summary>The table by which a bulk load finds the fragments it wrote while their id index is set aside.</summary>
public sealed class LoadedIdsTests
{
    [Fact]
    public void every_row_added_for_an_id_is_among_its_candidates_after_the_table_has_grown_many_times()
    {
        var loaded = new LoadedIds(bits: 4);
        for (var i = 0; i < 200_000; i++)
            loaded.Add($"id-{i}", i + 1);
        // A second dataset's fragment of the same id is a row of its own.
        loaded.Add("id-7", 500_000);

        var rows = new List<long>();
        for (var i = 0; i < 200_000; i += 997)
        {
            rows.Clear();
            loaded.Candidates($"id-{i}", rows);
            Assert.Contains(i + 1, rows);
        }

        rows.Clear();
        loaded.Candidates("id-7", rows);
        Assert.Contains(8L, rows);
        Assert.Contains(500_000L, rows);
        Assert.Equal(200_001, loaded.Count);
    }

    [Fact]
    public void ids_never_added_find_almost_no_rows_and_each_one_found_is_only_a_candidate()
    {
        var loaded = new LoadedIds();
        for (var i = 0; i < 100_000; i++)
            loaded.Add($"written-{i}", i + 1);

        var rows = new List<long>();
        for (var i = 0; i < 100_000; i++)
            loaded.Candidates($"never-{i}", rows);

        // Two ids share 28 bits of hash about once in 2^28 / 100,000 = 2,700 look-ups: some 37 of these.
        Assert.InRange(rows.Count, 0, 200);
    }

    [Fact]
    public void a_table_at_its_most_says_so_and_takes_no_more()
    {
        var loaded = new LoadedIds(bits: 4, most: 3);
        loaded.Add("a", 1);
        loaded.Add("b", 2);
        Assert.False(loaded.IsFull);
        loaded.Add("c", 3);

        Assert.True(loaded.IsFull);
        Assert.Throws<InvalidOperationException>(() => loaded.Add("d", 4));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(1L << 36)]
    public void a_row_key_outside_what_an_entry_holds_is_refused(long key) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadedIds().Add("a", key));
}
