using System.Globalization;
using System.Text;
using EntityGraph.Ingest.Synthetic.Internal;

namespace EntityGraph.Ingest.Synthetic;

/// <summary>
/// Generates a large synthetic customs table — Russian import declarations as a customs export lists them, one row
/// per declaration: number, date (<c>dd.mm.yyyy</c>), exporter and its country, importer with INN and OGRN, HS code,
/// goods, value, origin and departure countries — and the FtM mapping that reads it. Deterministic from the seed and
/// written in constant memory; a few hub parties carry many rows, as in real customs data.
/// </summary>
public sealed class SyntheticCustomsTable
{
    /// <summary>The columns, in order.</summary>
    public const string Header = "declaration_no,date,exporter,exporter_country,importer,importer_inn,importer_ogrn,hs_code,goods,value_usd,origin_country,departure_country";

    private const ulong RowStream = 21, PartyStream = 22;

    private static readonly string[] LatinRoots = ["Alt", "Bor", "Cen", "Dal", "Est", "Fal", "Gor", "Hel", "Ist", "Jun", "Kor", "Lum", "Mar", "Nor", "Orb", "Pol", "Quan", "Ros", "Sil", "Tor", "Uni", "Vel", "Wes", "Xen", "Yar", "Zen"];
    private static readonly string[] LatinEnds = ["a", "ex", "ion", "is", "o", "on", "or", "ra", "tek", "us", "ix", "ia"];
    private static readonly string[] Trades = ["TRADE", "TRADING", "ELECTRONICS", "COMPONENTS", "LOGISTICS", "SUPPLY", "TECHNOLOGY", "IMPEX", "GROUP", "DISTRIBUTION"];
    private static readonly string[] CyrillicRoots = ["Альфа", "Вектор", "Гранит", "Дельта", "Интер", "Квант", "Лидер", "Мега", "Норд", "Орион", "Прайм", "Ресурс", "Сигма", "Техно", "Феникс", "Элект"];
    private static readonly string[] CyrillicEnds = ["", "Снаб", "Трейд", "Комплект", "Систем", "Импорт", "Пром", "Сервис"];
    private static readonly string[] ExporterCountries = ["KG", "KZ", "AM", "AE", "TR", "GE", "UZ", "CN", "HK", "DE", "US", "TW"];
    private static readonly string[] Forms = ["LLC", "LLP", "FZE", "LTD", "CO LTD", "GMBH", "INC"];
    private static readonly string[] Posts = ["10005030", "10702070", "10009100", "10216100", "10013160"];

    private readonly Mix _mix;

    /// <param name="rows">Declarations to write.</param>
    /// <param name="seed">The same seed gives the same bytes.</param>
    public SyntheticCustomsTable(long rows, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Rows = rows;
        _mix = new Mix(seed);
        Exporters = (int)Math.Clamp(rows / 250, 50, 20_000);
        Importers = (int)Math.Clamp(rows / 100, 50, 50_000);
    }

    public long Rows { get; }

    /// <summary>Distinct exporters the rows name.</summary>
    public int Exporters { get; }

    /// <summary>Distinct importers the rows name.</summary>
    public int Importers { get; }

    /// <summary>The FtM mapping of the table, for a CSV named <paramref name="csvFile"/> beside it.</summary>
    public static string Mapping(string csvFile, string dataset) => $$"""
        # A synthetic customs table written by `entitygraph generate --customs`; every name in it is invented.
        {{dataset}}:
          queries:
            - csv_url: {{csvFile}}
              entities:
                exporter:
                  schema: Company
                  keys: [exporter, exporter_country]
                  properties:
                    name: {column: exporter}
                    country: {column: exporter_country}
                importer:
                  schema: Company
                  keys: [importer_inn]
                  properties:
                    name: {column: importer}
                    innCode: {column: importer_inn}
                    ogrnCode: {column: importer_ogrn}
                    country: {literal: ru}
                declaration:
                  schema: EconomicActivity
                  keys: [declaration_no]
                  properties:
                    ccdNumber: {column: declaration_no}
                    date: {column: date, format: "%d.%m.%Y"}
                    sender: {entity: exporter}
                    receiver: {entity: importer}
                    vedCode: {column: hs_code}
                    goodsDescription: {column: goods}
                    customsAmount: {column: value_usd}
                    originCountry: {column: origin_country}
                    departureCountry: {column: departure_country}
                    destinationCountry: {literal: ru}
        """;

    /// <summary>Writes the header and every row as UTF-8 CSV; <paramref name="progress"/> is told the count every 100,000 rows.</summary>
    public async Task WriteAsync(Stream output, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteLineAsync(Header);
        var line = new StringBuilder(256);
        for (long i = 0; i < Rows; i++)
        {
            line.Clear();
            Row(i, line);
            await writer.WriteLineAsync(line, cancellationToken);
            if ((i + 1) % 100_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(i + 1);
            }
        }

        progress?.Report(Rows);
    }

    private void Row(long i, StringBuilder line)
    {
        long draw = i * 16;
        double Next() => _mix.Unit(RowStream, draw++);
        var exporter = (int)(Exporters * Math.Pow(Next(), 3));
        var importer = (int)(Importers * Math.Pow(Next(), 2.5));
        var date = new DateOnly(2021, 1, 1).AddDays((int)(Next() * 1460));
        var goods = Next() < 0.5 ? Vocabulary.ChplGoods[(int)(Next() * Vocabulary.ChplGoods.Length)] : Vocabulary.OrdinaryGoods[(int)(Next() * Vocabulary.OrdinaryGoods.Length)];
        var exporterCountry = ExporterCountries[Pick(PartyStream, exporter, ExporterCountries.Length)];
        var inv = CultureInfo.InvariantCulture;
        line.Append(Posts[(int)(Next() * Posts.Length)]).Append('/').Append(date.ToString("ddMMyy", inv)).Append('/').Append((i % 10_000_000).ToString("D7", inv)).Append(',');
        line.Append(date.ToString("dd.MM.yyyy", inv)).Append(',');
        Field(line, ExporterName(exporter)).Append(',').Append(exporterCountry).Append(',');
        Field(line, ImporterName(importer)).Append(',');
        line.Append(Digits(PartyStream, (1L << 40) | (uint)importer, 10)).Append(',').Append(Digits(PartyStream, (1L << 41) | (uint)importer, 13)).Append(',');
        line.Append(goods.Hs6).Append("0000,");
        Field(line, goods.Description).Append(',');
        line.Append((500 * Math.Pow(10, Next() * 3.5)).ToString("F2", inv)).Append(',');
        line.Append(ExporterCountries[Pick(PartyStream, (1L << 42) | (uint)exporter, ExporterCountries.Length)]).Append(',').Append(exporterCountry);
    }

    private string ExporterName(int e)
    {
        var h = _mix.Hash(PartyStream, (1L << 43) | (uint)e);
        return $"{LatinRoots[h % (ulong)LatinRoots.Length].ToUpperInvariant()}{LatinEnds[(h >> 8) % (ulong)LatinEnds.Length].ToUpperInvariant()} {Trades[(h >> 16) % (ulong)Trades.Length]} {Forms[(h >> 24) % (ulong)Forms.Length]} {e}";
    }

    private string ImporterName(int m)
    {
        var h = _mix.Hash(PartyStream, (1L << 44) | (uint)m);
        return $"ООО \"{CyrillicRoots[h % (ulong)CyrillicRoots.Length]}{CyrillicEnds[(h >> 8) % (ulong)CyrillicEnds.Length]}-{m}\"";
    }

    private int Pick(ulong stream, long index, int bound) => _mix.Below(stream, index, bound);

    private string Digits(ulong stream, long index, int length) =>
        (_mix.Hash(stream, index) % 10_000_000_000_000UL).ToString(CultureInfo.InvariantCulture).PadLeft(13, '1')[..length];

    /// <summary>Appends a CSV field, quoted when it holds a comma, a quote or a line break.</summary>
    private static StringBuilder Field(StringBuilder line, string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? line.Append(value) : line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
}
