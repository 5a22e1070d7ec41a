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
}
