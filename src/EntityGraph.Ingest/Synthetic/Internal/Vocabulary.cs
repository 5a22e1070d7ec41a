using EntityGraph.Core.Rules;

namespace EntityGraph.Ingest.Synthetic.Internal;

/// <summary>The fixed word lists the generator draws from (countries by role, cities, goods, sanction authorities).</summary>
internal static class Vocabulary
{
    public static readonly Weighted<string> ExporterCountries = new(
        ("de", 20), ("us", 22), ("jp", 12), ("tw", 12), ("nl", 8), ("fr", 7), ("it", 5), ("pl", 4), ("fi", 3), ("se", 3), ("cz", 4));

    public static readonly Weighted<string> IntermediaryCountries = new(
        ("kg", 12), ("kz", 14), ("am", 10), ("ae", 14), ("tr", 14), ("ge", 8), ("uz", 8), ("cn", 10), ("hk", 10));

    public static readonly Weighted<string> EndUserCountries = new(("ru", 85), ("by", 15));

    public static readonly IReadOnlyDictionary<string, string[]> Cities = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["de"] = ["Berlin", "München", "Hamburg", "Stuttgart", "Dresden"],
        ["us"] = ["San Jose", "Austin", "Boston", "Phoenix", "Dallas"],
        ["jp"] = ["Tokyo", "Osaka", "Kyoto", "Nagoya"],
        ["tw"] = ["Hsinchu", "Taipei", "Taichung", "Kaohsiung"],
        ["nl"] = ["Eindhoven", "Amsterdam", "Rotterdam"],
        ["fr"] = ["Paris", "Grenoble", "Toulouse"],
        ["it"] = ["Milano", "Torino", "Bologna"],
        ["pl"] = ["Warszawa", "Kraków", "Gdańsk"],
        ["fi"] = ["Helsinki", "Espoo", "Tampere"],
        ["se"] = ["Stockholm", "Göteborg", "Malmö"],
        ["cz"] = ["Praha", "Brno", "Ostrava"],
        ["kg"] = ["Бишкек", "Ош", "Bishkek"],
        ["kz"] = ["Алматы", "Астана", "Almaty"],
        ["am"] = ["Yerevan", "Gyumri"],
        ["ae"] = ["Dubai", "Sharjah", "Abu Dhabi"],
        ["tr"] = ["İstanbul", "Ankara", "İzmir", "Mersin"],
        ["ge"] = ["Tbilisi", "Batumi", "Poti"],
        ["uz"] = ["Ташкент", "Tashkent", "Samarkand"],
        ["cn"] = ["Shenzhen", "Shanghai", "Guangzhou", "Xiamen"],
        ["hk"] = ["Hong Kong", "Kowloon", "Tsuen Wan"],
        ["ru"] = ["Москва", "Санкт-Петербург", "Екатеринбург", "Новосибирск", "Казань", "Нижний Новгород"],
        ["by"] = ["Минск", "Гомель", "Брест"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> LegalForms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["de"] = ["GmbH", "AG", "GmbH & Co. KG"],
        ["us"] = ["Inc.", "Corp.", "LLC"],
        ["jp"] = ["Co., Ltd.", "K.K."],
        ["tw"] = ["Co., Ltd.", "Corporation"],
        ["nl"] = ["B.V.", "N.V."],
        ["fr"] = ["S.A.S.", "S.A."],
        ["it"] = ["S.r.l.", "S.p.A."],
        ["pl"] = ["Sp. z o.o.", "S.A."],
        ["fi"] = ["Oy", "Oyj"],
        ["se"] = ["AB"],
        ["cz"] = ["s.r.o.", "a.s."],
        ["ae"] = ["General Trading FZE", "FZCO", "General Trading LLC"],
        ["tr"] = ["Dış Ticaret Ltd. Şti.", "A.Ş."],
        ["cn"] = ["Electronics Co., Ltd.", "Technology Co., Ltd.", "Trading Co., Ltd."],
        ["hk"] = ["Trading Limited", "International Limited", "Technology (HK) Limited"],
        ["kz"] = ["ТОО", "LLP"],
        ["kg"] = ["ОсОО", "LLC"],
        ["uz"] = ["ООО", "MChJ"],
        ["am"] = ["ООО", "LLC"],
        ["ge"] = ["ООО", "LLC"],
        ["ru"] = ["ООО", "АО", "ПАО", "ЗАО"],
        ["by"] = ["ООО", "ОАО", "ЗАО"],
    };

    public static readonly string[] ExporterTrades = ["Electronics", "Components", "Semiconductors", "Instruments", "Systems", "Technologies", "Precision", "Microdevices", "Optics", "Industrial"];

    public static readonly string[] CyrillicTrades = ["Техно", "Электроника", "Приборы", "Системы", "Микро", "Радио", "Снаб", "Комплект", "Инжиниринг", "Трейд"];

    public static readonly (string Hs6, string Description)[] ChplGoods =
        [.. ChplList.All.OrderBy(e => e.Hs6, StringComparer.Ordinal).Select(e => (e.Hs6, e.Description))];

    public static readonly (string Hs6, string Description)[] OrdinaryGoods =
    [
        ("610910", "T-shirts, singlets and other vests, of cotton"),
        ("940360", "Other wooden furniture"),
        ("870323", "Motor cars, spark-ignition engine 1500–3000 cc"),
        ("300490", "Medicaments, packaged for retail sale"),
        ("330499", "Beauty or make-up preparations"),
        ("640399", "Footwear with leather uppers"),
        ("090121", "Coffee, roasted"),
        ("180690", "Chocolate and other food preparations containing cocoa"),
        ("392690", "Other articles of plastics"),
        ("732690", "Other articles of iron or steel"),
        ("847130", "Portable automatic data-processing machines (laptops)"),
        ("851712", "Telephones for cellular networks (smartphones)"),
        ("841810", "Combined refrigerator-freezers"),
        ("401110", "New pneumatic tyres for motor cars"),
        ("220421", "Wine in containers of 2 litres or less"),
    ];

    public static readonly Weighted<(string Authority, string Program)> Authorities = new(
        (("US Treasury OFAC", "RUSSIA-EO14024"), 40),
        (("European Union", "EU Regulation 269/2014"), 30),
        (("UK OFSI", "Russia"), 15),
        (("Switzerland SECO", "Ukraine situation"), 8),
        (("Japan METI", "End User List"), 7));
}
