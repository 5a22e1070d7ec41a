using EntityGraph.Core.Model;

namespace EntityGraph.Core.Tests;

public class OwnershipShareTests
{
    [Theory]
    [InlineData("51%", 51.0, 51.0)]
    [InlineData("51", 51.0, 51.0)]
    [InlineData("51.5 %", 51.5, 51.5)]
    [InlineData("50-75%", 50.0, 75.0)]
    [InlineData("25,5%", 25.5, 25.5)]
    [InlineData("0", 0.0, 0.0)]
    [InlineData("100%", 100.0, 100.0)]
    public void numeric_stakes_are_read_and_their_text_kept(string text, double min, double max)
    {
        var share = OwnershipShare.Parse(text, out var error);

        Assert.Null(error);
        Assert.NotNull(share);
        Assert.Equal(text, share.Text);
        Assert.Equal(min, share.Minimum);
        Assert.Equal(max, share.Maximum);
    }

    [Fact]
    public void a_range_has_no_exact_value() => Assert.Null(OwnershipShare.Parse("50-75%", out _)!.Exact);

    [Fact]
    public void words_are_kept_as_text_without_a_number()
    {
        var share = OwnershipShare.Parse("majority", out var error);

        Assert.Null(error);
        Assert.Equal("majority", share!.Text);
        Assert.False(share.IsNumeric);
    }

    [Theory]
    [InlineData("150%")]
    [InlineData("-5")]
    [InlineData("101")]
    [InlineData("1000")]
    [InlineData("75-50%")]
    public void impossible_percentages_are_reported(string text)
    {
        var share = OwnershipShare.Parse(text, out var error);

        Assert.NotNull(error);
        Assert.False(share!.IsNumeric);
    }
}
