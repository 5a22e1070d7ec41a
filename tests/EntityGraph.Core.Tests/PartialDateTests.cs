using EntityGraph.Core.Model;

namespace EntityGraph.Core.Tests;

public class PartialDateTests
{
    [Theory]
    [InlineData("2021", "2021-01-01", "2021-12-31")]
    [InlineData("2021-02", "2021-02-01", "2021-02-28")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2021-02-17", "2021-02-17", "2021-02-17")]
    [InlineData("2021-02-17T10:30:00", "2021-02-17", "2021-02-17")]
    public void a_partial_date_covers_the_days_it_can_mean(string text, string earliest, string latest)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(DateOnly.Parse(earliest), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest), date.Latest);
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("2021-02")]
    [InlineData("2021-02-17")]
    public void precision_is_kept_when_written_back(string text) => Assert.Equal(text, PartialDate.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("21")]
    [InlineData("2021-13")]
    [InlineData("2021-02-30")]
    [InlineData("2021/02/17")]
    [InlineData("17.02.2021")]
    [InlineData("yesterday")]
    [InlineData("2021-2-1")]
    public void text_that_is_not_an_iso_date_or_prefix_is_refused(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void dates_order_by_their_first_day_then_by_precision()
    {
        Assert.True(PartialDate.Parse("2021") < PartialDate.Parse("2021-01-01"));
        Assert.True(PartialDate.Parse("2021-12-31") < PartialDate.Parse("2022"));
    }
}
