using System.Text.Json.Nodes;
using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.DemoCase;

/// <summary>The <c>redFlags</c> of demo-case parties over HTTP, evaluated on 2026-11-27 for determinism.</summary>
public sealed class RedFlagQueryTests : IAsyncLifetime
{
    private const string Query = """
        query ($id: ID!, $rule: OwnershipRule) {
          party(id: $id) {
            ... on Company {
              redFlags(asOf: "2026-11-27", rule: $rule) {
                code sentence truncated
                evidence { shipmentIds partyIds sanctionIds addressIds linkIds }
              }
            }
          }
        }
        """;

    private EntityGraphTestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await EntityGraphTestServer.StartAsync(settings: new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:LoadDemoCase"] = "true" });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonArray> FlagsOf(string id, string rule = "OFAC") =>
        (await _server.QueryAsync(Query, new { id, rule }))["party"]!["redFlags"]!.AsArray();

    private static string[] Codes(JsonArray flags) => [.. flags.Select(f => f!["code"]!.GetValue<string>())];

    private static JsonNode Flag(JsonArray flags, string code) => flags.Single(f => f!["code"]!.GetValue<string>() == code)!;

    private static string[] Ids(JsonNode flag, string kind) => [.. flag["evidence"]![kind]!.AsArray().Select(n => n!.GetValue<string>())];

    [Fact]
    public async Task ak_shumkar_is_a_new_kyrgyz_company_relaying_chpl_goods_to_russia_declared_by_silk_way()
    {
        var flags = await FlagsOf("co-kg-ak-shumkar");

        // Lebedev controls it but is not sanctioned himself, and no party at its Bishkek address is sanctioned.
        Assert.Equal(["NEW_COMPANY_TRADING_CHPL", "TRANSSHIPMENT_CHPL_TO_RUSSIA", "DECLARANT_NOT_RECEIVER"], Codes(flags));

        var newCompany = Flag(flags, "NEW_COMPANY_TRADING_CHPL");
        Assert.Equal(
            "Incorporated on 2022-04-12, after 24 February 2022, and since then sent or received 15 shipments of CHPL goods (tiers 1 and 3.A; 5 sent, 10 received) worth 805,850 USD, the first on 2022-05-06.",
            newCompany["sentence"]!.GetValue<string>());
        Assert.Equal(15, Ids(newCompany, "shipmentIds").Length);

        var transshipment = Flag(flags, "TRANSSHIPMENT_CHPL_TO_RUSSIA");
        Assert.Equal(["ship-0075", "ship-0092", "ship-0117", "ship-0172", "ship-0205"], Ids(transshipment, "shipmentIds"));
        Assert.Equal(["co-ru-radiotekhprom", "co-ru-signal-komplekt"], Ids(transshipment, "partyIds"));
        Assert.Equal(
            "Located in Kyrgyzstan, a common transshipment point for goods bound for Russia, and sent 5 shipments of CHPL goods (tier 1) worth 328,400 USD to Russia since 24 February 2022 (2022-06-02 to 2023-07-02), to АО «Радиотехпром» and ООО «Сигнал-Комплект».",
            transshipment["sentence"]!.GetValue<string>());

        var declarant = Flag(flags, "DECLARANT_NOT_RECEIVER");
        Assert.Equal(["co-kg-silk-way-forwarding"], Ids(declarant, "partyIds"));
        Assert.Equal(
            ["ship-0071", "ship-0073", "ship-0083", "ship-0109", "ship-0112", "ship-0162", "ship-0173", "ship-0201"],
            Ids(declarant, "shipmentIds"));
        Assert.Contains("declared to customs by another party, not by itself: ОсОО «Жибек Жолу Экспедиция» (8)", declarant["sentence"]!.GetValue<string>());
        Assert.All(flags, f => Assert.False(f!["truncated"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task signal_komplekt_is_blocked_by_ownership_of_two_sanctioned_owners()
    {
        var flags = await FlagsOf("co-ru-signal-komplekt");

        Assert.Equal(["OWNERSHIP_BLOCKED", "SANCTIONED_OWNER", "DECLARANT_NOT_RECEIVER"], Codes(flags));
        var blocked = Flag(flags, "OWNERSHIP_BLOCKED");
        Assert.Equal(
            "ООО «Сигнал-Комплект» is blocked by ownership under the OFAC 50% rule as of 2026-11-27: blocked owners hold 55.5% (Волков Сергей Николаевич 30% and Зайцева Марина Олеговна 25.5%), which is ≥ 50%.",
            blocked["sentence"]!.GetValue<string>());
        Assert.Equal(["own-volkov-signal-komplekt", "own-zaytseva-signal-komplekt"], Ids(blocked, "linkIds"));
        Assert.Equal(["per-ru-volkov", "per-ru-zaytseva"], Ids(blocked, "partyIds"));
        Assert.Equal(["san-eu-zaytseva", "san-ofac-volkov", "san-ofac-zaytseva"], Ids(blocked, "sanctionIds").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task tekhnoimpuls_is_near_blocked_at_40_percent_and_shares_an_address_with_sanctioned_vektor_mikro()
    {
        var flags = await FlagsOf("co-ru-tekhnoimpuls");

        Assert.Equal(["OWNERSHIP_NEAR_BLOCKED", "SANCTIONED_OWNER", "SANCTIONED_ADDRESS_NEIGHBOUR"], Codes(flags));
        var near = Flag(flags, "OWNERSHIP_NEAR_BLOCKED");
        Assert.Equal(
            "Blocked owners hold 40% of ООО «Техноимпульс» as of 2026-11-27 (Белов Константин Андреевич 40%): at least 25%, but under the 50% at which ownership blocks under the OFAC 50% rule.",
            near["sentence"]!.GetValue<string>());
        Assert.Equal(["own-belov-tekhnoimpuls"], Ids(near, "linkIds"));

        // Severny Alyans is registered there too, but its designation ended on 2023-06-30.
        var address = Flag(flags, "SANCTIONED_ADDRESS_NEIGHBOUR");
        Assert.Equal(["addr-ru-spb-obvodny"], Ids(address, "addressIds"));
        Assert.Equal(["co-ru-vektor-mikro"], Ids(address, "partyIds"));
        Assert.Equal(["san-uk-vektor-mikro"], Ids(address, "sanctionIds"));
    }

    [Fact]
    public async Task tengri_component_has_no_sanctioned_director_because_lebedev_is_not_sanctioned_himself()
    {
        var flags = await FlagsOf("co-kg-tengri-component");

        // Lebedev owns and directs the EU-sanctioned Elektronika-Treid, but no sanction names him.
        Assert.Equal(["NEW_COMPANY_TRADING_CHPL", "TRANSSHIPMENT_CHPL_TO_RUSSIA", "DECLARANT_NOT_RECEIVER"], Codes(flags));
        Assert.Equal(["ship-0086", "ship-0133", "ship-0184"], Ids(Flag(flags, "TRANSSHIPMENT_CHPL_TO_RUSSIA"), "shipmentIds"));
        Assert.Equal(["co-ru-elektronika-treid"], Ids(Flag(flags, "TRANSSHIPMENT_CHPL_TO_RUSSIA"), "partyIds"));
    }

    [Fact]
    public async Task issyk_kul_is_controlled_by_sanctioned_gromov_under_either_rule()
    {
        foreach (var rule in new[] { "OFAC", "EU" })
        {
            var control = Flag(await FlagsOf("co-kg-issyk-kul-trading", rule), "CONTROLLED_BY_BLOCKED_PARTY");

            Assert.Equal(["ctl-gromov-issyk-kul"], Ids(control, "linkIds"));
            Assert.Equal(["per-ru-gromov"], Ids(control, "partyIds"));
            Assert.StartsWith("ОсОО «Иссык-Куль Трейдинг» is controlled by Громов Олег Викторович (nominee), sanctioned by ", control["sentence"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task elektromont_the_polish_assembler_raises_no_flag()
    {
        Assert.Empty(await FlagsOf("co-pl-elektromont"));
    }

    [Fact]
    public async Task persons_have_red_flags_too_gromov_is_directly_sanctioned_three_times()
    {
        var data = await _server.QueryAsync("""{ party(id: "per-ru-gromov") { ... on Person { redFlags(asOf: "2026-11-27") { code evidence { sanctionIds } } } } }""");

        var flag = Assert.Single(data["party"]!["redFlags"]!.AsArray())!;
        Assert.Equal("DIRECTLY_SANCTIONED", flag["code"]!.GetValue<string>());
        Assert.Equal(["san-eu-gromov", "san-ofac-gromov", "san-uk-gromov"], Ids(flag, "sanctionIds").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task a_list_of_parties_gets_its_red_flags_with_evidence_records_to_display()
    {
        var data = await _server.QueryAsync("""
            {
              search(text: "Radiotekhprom", first: 5) {
                edges { node { id ... on Company { redFlags(asOf: "2026-11-27") { code evidence { sanctions { id authority } addresses { id } parties { id name } } } } } }
              }
            }
            """);

        var flags = data["search"]!["edges"]![0]!["node"]!["redFlags"]!.AsArray();
        Assert.Equal(["DIRECTLY_SANCTIONED", "OWNERSHIP_NEAR_BLOCKED", "SANCTIONED_ADDRESS_NEIGHBOUR", "DECLARANT_NOT_RECEIVER"], Codes(flags));
        var sanctions = Flag(flags, "DIRECTLY_SANCTIONED")["evidence"]!["sanctions"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["san-eu-radiotekhprom", "san-ofac-radiotekhprom"], sanctions);
        Assert.Equal("addr-ru-moscow-zelenograd", Flag(flags, "SANCTIONED_ADDRESS_NEIGHBOUR")["evidence"]!["addresses"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("ООО «Электроника-Трейд»", Flag(flags, "SANCTIONED_ADDRESS_NEIGHBOUR")["evidence"]!["parties"]![0]!["name"]!.GetValue<string>());
    }
}
