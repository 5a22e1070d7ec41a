namespace EntityGraph.Testing;

/// <summary>Small named graphs that more than one test suite reads.</summary>
public static class SmallCases
{
    /// <summary>One entity of each kind a store holds: two companies, a person, an address, an ownership, a sanction and a shipment.</summary>
    public static FtmGraph OneOfEachKind() => FtmGraph.Create()
        .Company("acme", "Acme GmbH", country: "de", incorporated: "2019")
        .Person("ivanov", "Ivan Ivanov", country: "ru")
        .Company("buyer", "ООО «Электроника»", country: "ru")
        .Address("addr-1", "Leninsky 1, Moscow", country: "ru", of: "buyer")
        .Owns("ivanov", "buyer", "51%", startDate: "2021-02")
        .Sanction("ivanov", authority: "OFAC", program: "RUSSIA-EO14024", startDate: "2022-04-06")
        .Shipment("s1", from: "acme", to: "buyer", date: "2022-05-03", hs: "8542.31", value: 12000);

    /// <summary>A Kyrgyz reseller half owned by a sanctioned Russian, shipping chips to a Russian buyer.</summary>
    public static FtmGraph Reseller() => FtmGraph.Create()
        .Company("acme", "Acme Trading LLC", country: "kg", incorporated: "2022-05")
        .Person("ivanov", "Ivan Ivanov", country: "ru")
        .Company("holdco", "Holdco Ltd", country: "cy")
        .Owns("ivanov", "acme", "51%", startDate: "2022-06")
        .Owns("holdco", "acme", "49")
        .Directs("ivanov", "acme", role: "director")
        .Sanction("ivanov", authority: "US OFAC", program: "RUSSIA-EO14024", startDate: "2022-04")
        .Address("addr-bishkek", "1 Chui Ave, Bishkek", country: "kg", of: "acme")
        .Company("buyer", "Buyer JSC", country: "ru")
        .Shipment("s1", "acme", "buyer", date: "2023-01-10", hs: "8542.31", value: 1000, goods: "microcontrollers")
        .Shipment("s2", "acme", "buyer", date: "2023-02", hs: "8471", value: 500, goods: "computers")
        .Shipment("s3", "acme", "buyer", date: "2023-03-01", hs: "854231", value: 20000, goods: "processors");
}
