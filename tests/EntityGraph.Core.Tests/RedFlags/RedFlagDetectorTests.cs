using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.RedFlags;
using EntityGraph.Core.Tests.Ownership;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.RedFlags;

/// <summary>Each red flag on a small named graph: a case that raises it and a near miss that must not.</summary>
public class RedFlagDetectorTests
{
    private const string Ofac = "US Department of the Treasury – OFAC";
    private const string Microcontrollers = "8542310000";
    private const string Capacitors = "8532240000";
    private const string Trousers = "6203420000";
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<RedFlag>> FlagsOf(FtmGraph graph, string partyId, OwnershipRule rule = OwnershipRule.Ofac, int shipmentLimit = 1_000)
    {
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);
        var flags = await new RedFlagDetector(store.Store) { ShipmentLimit = shipmentLimit }.DetectAsync(partyId, rule, AsOf, Ct);
        Assert.NotNull(flags);
        return flags;
    }

    private static RedFlag Single(IReadOnlyList<RedFlag> flags, RedFlagCode code) => Assert.Single(flags, f => f.Code == code);

    private static void Raises(IReadOnlyList<RedFlag> flags, params RedFlagCode[] codes) =>
        Assert.Equal(codes, flags.Select(f => f.Code));

    [Fact]
    public async Task a_party_named_by_a_sanction_in_force_is_directly_sanctioned()
    {
        var graph = FtmGraph.Create()
            .Company("radio", "Radiotekhprom AO", country: "ru")
            .Sanction("radio", authority: Ofac, program: "RUSSIA-EO14024", startDate: "2022-06-28", id: "san-ofac-radio");

        var flag = Single(await FlagsOf(graph, "radio"), RedFlagCode.DirectlySanctioned);

        Assert.Equal(["san-ofac-radio"], flag.Evidence.SanctionIds);
        Assert.Equal("Radiotekhprom AO is sanctioned by OFAC, RUSSIA-EO14024, since 2022-06-28, in force on 2026-11-27.", flag.Sentence);
    }

    [Fact]
    public async Task a_sanction_that_ended_before_the_day_raises_no_flag()
    {
        var graph = FtmGraph.Create()
            .Company("severny", "Severny Alyans OOO", country: "ru")
            .Sanction("severny", authority: Ofac, startDate: "2022-05-08", endDate: "2023-06-30");

        Assert.Empty(await FlagsOf(graph, "severny"));
    }

    [Fact]
    public async Task two_sanctioned_owners_holding_55_5_percent_together_block_a_party_by_ownership()
    {
        var graph = FtmGraph.Create()
            .Company("signal", "Signal-Komplekt OOO", country: "ru")
            .Person("volkov", "Sergey Volkov").Sanction("volkov", authority: Ofac, id: "san-volkov")
            .Person("zaytseva", "Marina Zaytseva").Sanction("zaytseva", authority: Ofac, id: "san-zaytseva")
            .Person("kuzmin", "Ilya Kuzmin")
            .Owns("volkov", "signal", "30%").Owns("zaytseva", "signal", "25.5 %").Owns("kuzmin", "signal", "44.5%");

        var flags = await FlagsOf(graph, "signal");

        Raises(flags, RedFlagCode.OwnershipBlocked, RedFlagCode.SanctionedOwner);
        var blocked = Single(flags, RedFlagCode.OwnershipBlocked);
        Assert.Equal(
            "Signal-Komplekt OOO is blocked by ownership under the OFAC 50% rule as of 2026-11-27: blocked owners hold 55.5% (Sergey Volkov 30% and Marina Zaytseva 25.5%), which is ≥ 50%.",
            blocked.Sentence);
        Assert.Equal(["volkov", "zaytseva"], blocked.Evidence.PartyIds.Order(StringComparer.Ordinal));
        Assert.Equal(["own-volkov-signal", "own-zaytseva-signal"], blocked.Evidence.LinkIds.Order(StringComparer.Ordinal));
        Assert.Equal(["san-volkov", "san-zaytseva"], blocked.Evidence.SanctionIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task blocked_owners_holding_25_percent_make_a_party_near_blocked()
    {
        var graph = FtmGraph.Create()
            .Company("tekhno", "Tekhnoimpuls OOO", country: "ru")
            .Company("holding", "Holding AO").Person("belov", "Pavel Belov").Sanction("belov")
            .Owns("belov", "holding", "60%").Owns("holding", "tekhno", "25%");

        var flag = Single(await FlagsOf(graph, "tekhno"), RedFlagCode.OwnershipNearBlocked);

        Assert.Equal(
            "Blocked owners hold 25% of Tekhnoimpuls OOO as of 2026-11-27 (Holding AO 25%): at least 25%, but under the 50% at which ownership blocks under the OFAC 50% rule.",
            flag.Sentence);
        Assert.Equal(["holding"], flag.Evidence.PartyIds);
        Assert.Equal(["own-holding-tekhno"], flag.Evidence.LinkIds);
    }

    [Fact]
    public async Task blocked_owners_holding_24_9_percent_do_not_make_a_party_near_blocked()
    {
        var graph = FtmGraph.Create()
            .Company("tekhno", "Tekhnoimpuls OOO", country: "ru")
            .Company("holding", "Holding AO").Person("belov", "Pavel Belov").Sanction("belov")
            .Owns("belov", "holding", "60%").Owns("holding", "tekhno", "24.9%");

        Assert.Empty(await FlagsOf(graph, "tekhno"));
    }

    [Fact]
    public async Task a_sanctioned_owner_of_any_stake_is_a_sanctioned_owner_but_not_one_whose_stake_ended()
    {
        var graph = FtmGraph.Create()
            .Company("kvant", "Kvant-Snab OOO", country: "ru")
            .Person("gromov", "Oleg Gromov").Sanction("gromov", authority: Ofac, program: "RUSSIA-EO14024", id: "san-gromov")
            .Person("orlov", "Dmitry Orlov").Sanction("orlov", authority: Ofac)
            .Owns("gromov", "kvant", "10%").Owns("orlov", "kvant", "60%", endDate: "2022-03-15");

        var flags = await FlagsOf(graph, "kvant");

        Raises(flags, RedFlagCode.SanctionedOwner);
        var flag = flags[0];
        Assert.Equal("Kvant-Snab OOO has a sanctioned owner as of 2026-11-27: Oleg Gromov holds 10% (sanctioned by OFAC, RUSSIA-EO14024).", flag.Sentence);
        Assert.Equal(["gromov"], flag.Evidence.PartyIds);
        Assert.Equal(["own-gromov-kvant"], flag.Evidence.LinkIds);
        Assert.Equal(["san-gromov"], flag.Evidence.SanctionIds);
    }

    [Fact]
    public async Task a_sanctioned_director_in_office_raises_a_flag()
    {
        var graph = FtmGraph.Create()
            .Company("ararat", "Ararat Electronics LLC", country: "am")
            .Person("hakobyan", "Armen Hakobyan").Sanction("hakobyan", authority: Ofac, startDate: "2023-04-12", id: "san-hakobyan")
            .Directs("hakobyan", "ararat", role: "executive director");

        var flag = Single(await FlagsOf(graph, "ararat"), RedFlagCode.SanctionedDirector);

        Assert.Equal("Ararat Electronics LLC has a sanctioned director as of 2026-11-27: Armen Hakobyan, executive director, is sanctioned by OFAC, since 2023-04-12.", flag.Sentence);
        Assert.Equal(["hakobyan"], flag.Evidence.PartyIds);
        Assert.Equal(["dir-hakobyan-ararat"], flag.Evidence.LinkIds);
        Assert.Equal(["san-hakobyan"], flag.Evidence.SanctionIds);
    }

    [Fact]
    public async Task a_director_who_left_before_the_day_or_whose_sanction_ended_raises_no_flag()
    {
        var graph = FtmGraph.Create()
            .Company("ararat", "Ararat Electronics LLC", country: "am")
            .Person("hakobyan", "Armen Hakobyan").Sanction("hakobyan", authority: Ofac)
            .Person("petrosyan", "Anna Petrosyan").Sanction("petrosyan", authority: Ofac, endDate: "2024-01-01")
            .Directs("hakobyan", "ararat", endDate: "2022-12-31").Directs("petrosyan", "ararat");

        Assert.Empty(await FlagsOf(graph, "ararat"));
    }

    [Fact]
    public async Task a_sanctioned_party_at_the_same_address_is_a_sanctioned_address_neighbour_and_an_expired_one_is_not()
    {
        var graph = FtmGraph.Create()
            .Company("tekhno", "Tekhnoimpuls OOO", country: "ru")
            .Company("vektor", "Vektor Mikro OOO", country: "ru").Sanction("vektor", authority: "UK – OFSI", id: "san-vektor")
            .Company("severny", "Severny Alyans OOO", country: "ru").Sanction("severny", authority: Ofac, endDate: "2023-06-30")
            .Address("addr-spb", "St Petersburg, Obvodny 12", country: "ru", of: "tekhno")
            .Set("vektor", "addressEntity", "addr-spb").Set("severny", "addressEntity", "addr-spb");

        var flags = await FlagsOf(graph, "tekhno");

        Raises(flags, RedFlagCode.SanctionedAddressNeighbour);
        var flag = flags[0];
        Assert.Equal("Tekhnoimpuls OOO shares the address St Petersburg, Obvodny 12 with Vektor Mikro OOO (sanctioned by OFSI), as of 2026-11-27.", flag.Sentence);
        Assert.Equal(["addr-spb"], flag.Evidence.AddressIds);
        Assert.Equal(["vektor"], flag.Evidence.PartyIds);
        Assert.Equal(["san-vektor"], flag.Evidence.SanctionIds);
        Assert.Equal(2, flag.Evidence.LinkIds.Count);
    }

    [Fact]
    public async Task a_mass_registration_address_is_read_only_up_to_the_bound_and_the_flag_says_so()
    {
        var graph = FtmGraph.Create()
            .Company("tekhno", "Tekhnoimpuls OOO", country: "kg")
            .Address("addr-mass", "Bishkek, Toktogula 125/1", country: "kg", of: "tekhno")
            .Company("a-vektor", "Vektor Mikro OOO", country: "ru").Sanction("a-vektor").Set("a-vektor", "addressEntity", "addr-mass");
        for (var i = 0; i < 5; i++)
            graph.Company($"b-shell-{i}", $"Shell {i} LLC", country: "kg").Set($"b-shell-{i}", "addressEntity", "addr-mass");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);

        var flags = await new RedFlagDetector(store.Store) { AddressNeighbourLimit = 3 }.DetectAsync("tekhno", OwnershipRule.Ofac, AsOf, Ct);

        var flag = Single(flags!, RedFlagCode.SanctionedAddressNeighbour);
        Assert.True(flag.Truncated);
        Assert.Equal(["a-vektor"], flag.Evidence.PartyIds);
        Assert.EndsWith("Not every party registered there was checked (mass-registration address).", flag.Sentence);
    }

    [Fact]
    public async Task a_sanctioned_controller_is_a_control_red_flag_under_either_rule()
    {
        var graph = FtmGraph.Create()
            .Company("issyk", "Issyk-Kul Trading LLC", country: "kg")
            .Person("gromov", "Oleg Gromov").Sanction("gromov", authority: Ofac, id: "san-gromov")
            .Controls("gromov", "issyk", type: "nominee");

        foreach (var rule in new[] { OwnershipRule.Ofac, OwnershipRule.Eu })
        {
            var flags = await FlagsOf(graph, "issyk", rule);

            Raises(flags, RedFlagCode.ControlledByBlockedParty);
            Assert.Equal("Issyk-Kul Trading LLC is controlled by Oleg Gromov (nominee), sanctioned by OFAC, as of 2026-11-27: a red flag, not a block.", flags[0].Sentence);
            Assert.Equal(["ctl-gromov-issyk"], flags[0].Evidence.LinkIds);
        }
    }

    [Fact]
    public async Task a_controller_blocked_by_ownership_is_a_control_red_flag_under_the_eu_rule_only()
    {
        var graph = FtmGraph.Create()
            .Company("issyk", "Issyk-Kul Trading LLC", country: "kg")
            .Company("holding", "Baltinvest Holding AO").Person("gromov", "Oleg Gromov").Sanction("gromov")
            .Owns("gromov", "holding", "51%").Controls("holding", "issyk");

        var eu = Single(await FlagsOf(graph, "issyk", OwnershipRule.Eu), RedFlagCode.ControlledByBlockedParty);
        Assert.Equal("Issyk-Kul Trading LLC is controlled by Baltinvest Holding AO, blocked under the EU 50% rule, as of 2026-11-27: a red flag, not a block.", eu.Sentence);
        Assert.Empty(await FlagsOf(graph, "issyk", OwnershipRule.Ofac));
    }

    [Fact]
    public async Task an_unsanctioned_controller_raises_no_flag()
    {
        var graph = FtmGraph.Create()
            .Company("shumkar", "Ak-Shumkar Trade LLC", country: "kg")
            .Person("lebedev", "Andrey Lebedev").Controls("lebedev", "shumkar", type: "nominee");

        Assert.Empty(await FlagsOf(graph, "shumkar", OwnershipRule.Eu));
    }

    [Fact]
    public async Task a_company_incorporated_after_the_invasion_trading_chpl_goods_is_a_new_company_trading_chpl()
    {
        var graph = FtmGraph.Create()
            .Company("shumkar", "Ak-Shumkar Trade LLC", country: "kg", incorporated: "2022-04-12")
            .Company("nord", "Nordhalbleiter GmbH", country: "de").Company("buyer", "Buyer GmbH", country: "de")
            .Shipment("ship-1", "nord", "shumkar", "2022-05-17", Microcontrollers, 52_000)
            .Shipment("ship-2", "shumkar", "buyer", "2022-06-02", Capacitors, 58_900.4)
            .Shipment("ship-3", "shumkar", "buyer", "2022-07-02", Trousers, 1_000);

        var flag = Single(await FlagsOf(graph, "shumkar"), RedFlagCode.NewCompanyTradingChpl);

        Assert.Equal(["ship-1", "ship-2"], flag.Evidence.ShipmentIds);
        Assert.Equal(
            "Incorporated on 2022-04-12, after 24 February 2022, and since then sent or received 2 shipments of CHPL goods (tiers 1 and 2; 1 sent, 1 received) worth 110,900 USD, the first on 2022-05-17.",
            flag.Sentence);
        Assert.False(flag.Truncated);
    }

    [Fact]
    public async Task a_company_incorporated_the_day_before_the_invasion_is_not_new()
    {
        var graph = FtmGraph.Create()
            .Company("shumkar", "Ak-Shumkar Trade LLC", country: "pl", incorporated: "2022-02-23")
            .Company("nord", "Nordhalbleiter GmbH", country: "de")
            .Shipment("ship-1", "nord", "shumkar", "2022-05-17", Microcontrollers, 52_000);

        Assert.DoesNotContain(await FlagsOf(graph, "shumkar"), f => f.Code == RedFlagCode.NewCompanyTradingChpl);
    }

    [Fact]
    public async Task a_new_company_trading_only_goods_off_the_chpl_raises_no_flag()
    {
        var graph = FtmGraph.Create()
            .Company("sapat", "Sapat Textile LLC", country: "kg", incorporated: "2022-04-12")
            .Company("tekstil", "Tekstil-Opt OOO", country: "ru")
            .Shipment("ship-1", "sapat", "tekstil", "2022-05-17", Trousers, 12_000).Set("ship-1", "destinationCountry", "ru");

        Assert.Empty(await FlagsOf(graph, "sapat"));
    }

    [Fact]
    public async Task a_company_in_a_transshipment_country_sending_chpl_goods_to_russia_is_flagged_with_the_receivers()
    {
        var graph = FtmGraph.Create()
            .Company("step", "Step Technology LLP", country: "kz", incorporated: "2019-06-14")
            .Company("radio", "Radiotekhprom AO", country: "ru").Company("optima", "Optima Sistems OOO", country: "ru")
            .Shipment("ship-1", "step", "radio", "2022-08-23", Microcontrollers, 73_000).Set("ship-1", "destinationCountry", "ru")
            .Shipment("ship-2", "step", "optima", "2022-09-30", Capacitors, 34_300)
            .Shipment("ship-3", "step", "radio", "2022-01-10", Microcontrollers, 10_000).Set("ship-3", "destinationCountry", "ru");

        var flag = Single(await FlagsOf(graph, "step"), RedFlagCode.TransshipmentChplToRussia);

        Assert.Equal(["ship-1", "ship-2"], flag.Evidence.ShipmentIds);
        Assert.Equal(["radio", "optima"], flag.Evidence.PartyIds);
        Assert.Equal(
            "Located in Kazakhstan, a common transshipment point for goods bound for Russia, and sent 2 shipments of CHPL goods (tiers 1 and 2) worth 107,300 USD to Russia since 24 February 2022 (2022-08-23 to 2022-09-30), to Radiotekhprom AO and Optima Sistems OOO.",
            flag.Sentence);
    }

    [Fact]
    public async Task chpl_goods_sent_to_kazakhstan_or_from_a_country_that_is_not_a_transshipment_point_raise_no_transshipment_flag()
    {
        var graph = FtmGraph.Create()
            .Company("manas", "Manas Elektro LLC", country: "kg", incorporated: "2015-01-01")
            .Company("elektromont", "Elektromont Sp. z o.o.", country: "pl", incorporated: "2001-11-05")
            .Company("baiterek", "Baiterek Distribution LLP", country: "kz").Company("radio", "Radiotekhprom AO", country: "ru")
            .Shipment("ship-1", "manas", "baiterek", "2022-08-23", Microcontrollers, 73_000).Set("ship-1", "destinationCountry", "kz")
            .Shipment("ship-2", "elektromont", "radio", "2022-08-23", Microcontrollers, 73_000).Set("ship-2", "destinationCountry", "ru");

        Assert.DoesNotContain(await FlagsOf(graph, "manas"), f => f.Code == RedFlagCode.TransshipmentChplToRussia);
        Assert.DoesNotContain(await FlagsOf(graph, "elektromont"), f => f.Code == RedFlagCode.TransshipmentChplToRussia);
    }

    private static FtmGraph Trader(int before, int after)
    {
        var graph = FtmGraph.Create()
            .Company("nord", "Nordhalbleiter GmbH", country: "de", incorporated: "2003-06-12")
            .Company("buyer", "Buyer GmbH", country: "de");
        for (var i = 0; i < before; i++)
            graph.Shipment($"ship-b{i}", "nord", "buyer", $"2021-{3 + i:D2}-10", Microcontrollers, 1_000);
        for (var i = 0; i < after; i++)
            graph.Shipment($"ship-a{i}", "nord", "buyer", $"2022-{3 + i:D2}-10", Microcontrollers, 2_000);
        return graph;
    }

    [Fact]
    public async Task five_chpl_shipments_in_the_year_after_the_invasion_against_one_before_is_a_sudden_rise()
    {
        var flag = Single(await FlagsOf(Trader(before: 1, after: 5), "nord"), RedFlagCode.SuddenChplRise);

        Assert.Equal(["ship-b0", "ship-a0", "ship-a1", "ship-a2", "ship-a3", "ship-a4"], flag.Evidence.ShipmentIds);
        Assert.Equal(
            "Nordhalbleiter GmbH sent or received 5 shipments of CHPL goods (tier 1) worth 10,000 USD in the year from 24 February 2022 (to 2023-02-23), against 1 shipment worth 1,000 USD in the year before (2021-02-24 to 2022-02-23): at least 3 times as many.",
            flag.Sentence);
    }

    [Fact]
    public async Task five_after_against_two_before_or_four_after_against_none_is_not_a_sudden_rise()
    {
        Assert.Empty(await FlagsOf(Trader(before: 2, after: 5), "nord"));
        Assert.Empty(await FlagsOf(Trader(before: 0, after: 4), "nord"));
        Assert.Contains(await FlagsOf(Trader(before: 0, after: 5), "nord"), f => f.Code == RedFlagCode.SuddenChplRise);
    }

    [Fact]
    public async Task chpl_shipments_declared_by_a_forwarder_flag_both_the_receiver_and_the_forwarder()
    {
        var graph = FtmGraph.Create()
            .Company("shumkar", "Ak-Shumkar Trade LLC", country: "ae", incorporated: "2020-01-01")
            .Company("silk", "Silk Way Forwarding LLC", country: "ae", incorporated: "2019-02-14")
            .Company("nord", "Nordhalbleiter GmbH", country: "de", incorporated: "2003-06-12")
            .Shipment("ship-1", "nord", "shumkar", "2022-05-17", Microcontrollers, 52_000, declarant: "silk")
            .Shipment("ship-2", "nord", "shumkar", "2022-07-05", Microcontrollers, 52_000, declarant: "silk")
            .Shipment("ship-3", "nord", "shumkar", "2022-08-05", Trousers, 1_000, declarant: "silk");

        var received = Single(await FlagsOf(graph, "shumkar"), RedFlagCode.DeclarantNotReceiver);
        Assert.Equal(["ship-1", "ship-2"], received.Evidence.ShipmentIds);
        Assert.Equal(["silk"], received.Evidence.PartyIds);
        Assert.Equal("Ak-Shumkar Trade LLC received 2 shipments of CHPL goods (tier 1) declared to customs by another party, not by itself: Silk Way Forwarding LLC (2).", received.Sentence);

        var declared = Single(await FlagsOf(graph, "silk"), RedFlagCode.DeclarantNotReceiver);
        Assert.Equal(["shumkar"], declared.Evidence.PartyIds);
        Assert.Equal("Silk Way Forwarding LLC declared 2 shipments of CHPL goods (tier 1) received by other parties: Ak-Shumkar Trade LLC (2).", declared.Sentence);
    }

    [Fact]
    public async Task a_receiver_that_declares_its_own_shipments_raises_no_declarant_flag()
    {
        var graph = FtmGraph.Create()
            .Company("elektromont", "Elektromont Sp. z o.o.", country: "pl", incorporated: "2001-11-05")
            .Company("nord", "Nordhalbleiter GmbH", country: "de", incorporated: "2003-06-12")
            .Shipment("ship-1", "nord", "elektromont", "2022-05-17", Microcontrollers, 52_000, declarant: "elektromont");

        Assert.Empty(await FlagsOf(graph, "elektromont"));
    }

    [Fact]
    public async Task a_capped_shipment_read_says_at_least_and_is_marked_truncated()
    {
        var graph = FtmGraph.Create()
            .Company("step", "Step Technology LLP", country: "kz", incorporated: "2022-06-14")
            .Company("radio", "Radiotekhprom AO", country: "ru");
        for (var i = 1; i <= 4; i++)
            graph.Shipment($"ship-{i}", "step", "radio", $"2022-0{4 + i}-01", Microcontrollers, 1_000).Set($"ship-{i}", "destinationCountry", "ru");

        var flags = await FlagsOf(graph, "step", shipmentLimit: 3);

        var transshipment = Single(flags, RedFlagCode.TransshipmentChplToRussia);
        Assert.True(transshipment.Truncated);
        Assert.Equal(["ship-1", "ship-2", "ship-3"], transshipment.Evidence.ShipmentIds);
        Assert.Contains("sent at least 3 shipments of CHPL goods (tier 1) worth at least 3,000 USD", transshipment.Sentence);
        Assert.True(Single(flags, RedFlagCode.NewCompanyTradingChpl).Truncated);
    }

    [Fact]
    public async Task a_batch_answers_for_every_known_party_and_leaves_out_unknown_ids()
    {
        var graph = FtmGraph.Create()
            .Company("radio", "Radiotekhprom AO", country: "ru").Sanction("radio")
            .Company("clean", "Elektromont Sp. z o.o.", country: "pl");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);

        var flags = await new RedFlagDetector(store.Store).DetectAsync(["radio", "clean", "nobody"], OwnershipRule.Ofac, AsOf, Ct);

        Assert.Equal(["clean", "radio"], flags.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(flags["clean"]);
        Assert.Equal(RedFlagCode.DirectlySanctioned, Assert.Single(flags["radio"]).Code);
        Assert.Null(await new RedFlagDetector(store.Store).DetectAsync("nobody", OwnershipRule.Ofac, AsOf, Ct));
    }
}
