using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.Ownership;

/// <summary>The <c>exposure</c> query over HTTP, on the demo case loaded into a real SQLite file.</summary>
public sealed class ExposureQueryTests : IAsyncLifetime
{
    private const string Query = """
        query ($id: ID!, $rule: OwnershipRule, $asOf: PartialDate) {
          exposure(partyId: $id, rule: $rule, asOf: $asOf) {
            party { id } rule asOf blocked directlySanctioned blockedOwnershipPercent explanation
            contributions { owner { id } percentage percentageText ownerBlocked }
          }
        }
        """;

    private EntityGraphTestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await EntityGraphTestServer.StartAsync(settings: new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:LoadDemoCase"] = "true" });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task signal_komplekt_is_blocked_by_two_sanctioned_owners_together_holding_55_5_percent()
    {
        var data = await _server.QueryAsync(Query, new { id = "co-ru-signal-komplekt", asOf = "2026-11-27" });

        var exposure = data["exposure"]!;
        Assert.True(exposure["blocked"]!.GetValue<bool>());
        Assert.False(exposure["directlySanctioned"]!.GetValue<bool>());
        Assert.Equal(55.5, exposure["blockedOwnershipPercent"]!.GetValue<double>());
        Assert.Equal("OFAC", exposure["rule"]!.GetValue<string>());
        Assert.Equal("2026-11-27", exposure["asOf"]!.GetValue<string>());
        Assert.Equal(
            "ООО «Сигнал-Комплект» is blocked under the OFAC 50% rule as of 2026-11-27: Волков Сергей Николаевич (sanctioned by OFAC, RUSSIA-EO14024) holds 30% and Зайцева Марина Олеговна (sanctioned by EU, Regulation (EU) No 269/2014 (Annex I); OFAC, RUSSIA-EO14024) holds 25.5%, together 55.5% ≥ 50%.",
            exposure["explanation"]!.GetValue<string>());
    }

    [Fact]
    public async Task optima_sistems_is_blocked_through_its_blocked_parent_baltinvest()
    {
        var data = await _server.QueryAsync(Query, new { id = "co-ru-optima-sistems", asOf = "2026-11-27" });

        var exposure = data["exposure"]!;
        Assert.True(exposure["blocked"]!.GetValue<bool>());
        Assert.Equal(60, exposure["blockedOwnershipPercent"]!.GetValue<double>());
        var parent = exposure["contributions"]!.AsArray().Single(c => c!["owner"]!["id"]!.GetValue<string>() == "co-ru-baltinvest-holding")!;
        Assert.True(parent["ownerBlocked"]!.GetValue<bool>());
        Assert.Equal("60", parent["percentageText"]!.GetValue<string>());
        Assert.Equal(
            "ООО «Оптима Системс» is blocked under the OFAC 50% rule as of 2026-11-27: АО «Балтинвест Холдинг» (blocked by ownership: Громов Олег Викторович holds 51%) holds 60%, which is ≥ 50%.",
            exposure["explanation"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_party_answers_blocked_and_exposure_for_the_rule_and_day_asked()
    {
        var data = await _server.QueryAsync("""
            {
              party(id: "co-ru-priborservis") {
                ... on Company {
                  blocked(asOf: "2026-11-27")
                  exposure(rule: EU, asOf: "2026-11-27") { rule blockedOwnershipPercent }
                }
              }
            }
            """);

        var party = data["party"]!;
        Assert.True(party["blocked"]!.GetValue<bool>());
        Assert.Equal("EU", party["exposure"]!["rule"]!.GetValue<string>());
        Assert.Equal(50, party["exposure"]!["blockedOwnershipPercent"]!.GetValue<double>());
    }

    [Fact]
    public async Task optima_sistems_beneficial_owners_multiply_stakes_along_the_chain_through_baltinvest()
    {
        var data = await _server.QueryAsync("""
            { beneficialOwners(companyId: "co-ru-optima-sistems") { person { id } effectivePercent paths { nodes { id } edges { id } } } }
            """);

        var owners = data["beneficialOwners"]!.AsArray().ToDictionary(o => o!["person"]!["id"]!.GetValue<string>(), o => o!);
        Assert.Equal(40, owners["per-ru-sidorov"]["effectivePercent"]!.GetValue<double>());
        Assert.Equal(30.6, owners["per-ru-gromov"]["effectivePercent"]!.GetValue<double>());
        Assert.Equal(29.4, owners["per-ru-gromova"]["effectivePercent"]!.GetValue<double>());
        var chain = owners["per-ru-gromov"]["paths"]![0]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>());
        Assert.Equal(["per-ru-gromov", "co-ru-baltinvest-holding", "co-ru-optima-sistems"], chain);
    }

    [Fact]
    public async Task an_unknown_party_is_reported_as_not_found()
    {
        var (_, body) = await _server.PostAsync(Query, new { id = "co-nowhere" });

        Assert.Equal("NOT_FOUND", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_malformed_day_is_reported_as_bad_user_input()
    {
        var (_, body) = await _server.PostAsync(Query, new { id = "co-ru-signal-komplekt", asOf = "27.11.2026" });

        Assert.Equal("BAD_USER_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
