using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;

namespace EntityGraph.Core.Tests;

public class ChplListTests
{
    [Fact]
    public void the_list_has_fifty_codes() => Assert.Equal(50, ChplList.All.Count);

    [Theory]
    [InlineData("8542.31.00", ChplTier.Tier1)]
    [InlineData("85423190", ChplTier.Tier1)]
    [InlineData("852691", ChplTier.Tier2)]
    [InlineData("8532 24", ChplTier.Tier2)]
    [InlineData("880730", ChplTier.Tier3B)]
    [InlineData("846693", ChplTier.Tier4B)]
    public void a_shipment_takes_the_tier_of_its_hs6_code(string hs, ChplTier tier) =>
        Assert.Equal(tier, ChplList.TierOf(HsCode.Normalize(hs)));

    [Theory]
    [InlineData("620342")]
    [InlineData("0813")]
    [InlineData("8542")]
    public void goods_off_the_list_have_no_tier(string hs) => Assert.Null(ChplList.TierOf(HsCode.Normalize(hs)));

    [Fact]
    public void kyrgyzstan_is_a_transshipment_point_and_germany_is_not()
    {
        Assert.True(Countries.IsTransshipmentPoint("kg"));
        Assert.False(Countries.IsTransshipmentPoint("de"));
    }

    [Theory]
    [InlineData("KG", "kg")]
    [InlineData(" ru ", "ru")]
    [InlineData("xx", null)]
    [InlineData("Russia", null)]
    [InlineData("dE", "de")]
    [InlineData("r1", null)]
    [InlineData("é1", null)]
    [InlineData("", null)]
    public void country_codes_are_normalised_or_refused(string code, string? expected) => Assert.Equal(expected, Countries.Normalize(code));

    [Fact]
    public void every_known_code_is_normalised_to_the_catalogues_own_string_whatever_its_case()
    {
        foreach (var code in Countries.Codes)
        {
            Assert.Same(code, Countries.Normalize(code));
            Assert.Same(code, Countries.Normalize(code.ToUpperInvariant()));
            Assert.Same(code, Countries.Normalize($" {code} "));
        }
    }
}
