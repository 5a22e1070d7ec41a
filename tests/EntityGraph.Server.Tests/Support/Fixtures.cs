using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Support;

/// <summary>Small named fixture graphs for the server tests.</summary>
public static class Fixtures
{
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
