using System.Text.Json;

namespace EntityGraph.Bench;

/// <summary>
/// What the investigations benchmark asks about, read from the generated FtM file in one pass: exporters
/// (senders outside Russia, Belarus and the transshipment countries) to trace downstream, Russian and
/// Belarusian receivers to trace upstream, companies to judge and flag, and pairs of parties two trades
/// apart for <c>paths</c>. Each list is a uniform sample of the distinct parties in that role.
/// </summary>
internal sealed class InvestigationSample
{
    private static readonly HashSet<string> NotExporting = ["ru", "by", "kg", "kz", "am", "ae", "tr", "ge", "uz", "tj", "hk", "cn", "rs", "in", "th", "my", "mn"];

    public required List<string> Exporters { get; init; }

    public required List<string> EndUsers { get; init; }

    public required List<string> Companies { get; init; }

    public required List<(string From, string To)> Pairs { get; init; }

    public required long PartyCount { get; init; }

    public required long ShipmentCount { get; init; }

    public static InvestigationSample Read(string path, int size, int seed)
    {
        var random = new Random(seed);
        var exporters = new HashSet<string>(StringComparer.Ordinal);
        var endUsers = new HashSet<string>(StringComparer.Ordinal);
        var companies = new List<string>(size);
        var firstCustomer = new Dictionary<string, string>(StringComparer.Ordinal);
        var trades = new List<(string Sender, string Receiver)>();
        long parties = 0, shipments = 0, companiesSeen = 0;
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var schema = root.GetProperty("schema").GetString();
            var properties = root.GetProperty("properties");
            if (schema is "Company" or "Organization" or "Person" or "LegalEntity")
            {
                parties++;
                if (schema != "Company")
                    continue;
                companiesSeen++;
                var id = root.GetProperty("id").GetString()!;
                if (companies.Count < size)
                    companies.Add(id);
                else if (random.NextInt64(companiesSeen) is var j && j < size)
                    companies[(int)j] = id;
                continue;
            }

            if (schema != "EconomicActivity")
                continue;
            shipments++;
            var sender = First(properties, "sender");
            var receiver = First(properties, "receiver");
            if (sender is null || receiver is null)
                continue;
            firstCustomer.TryAdd(sender, receiver);
            if (First(properties, "departureCountry") is { } from && !NotExporting.Contains(from))
                exporters.Add(sender);
            if (First(properties, "destinationCountry") is "ru" or "by")
                endUsers.Add(receiver);
            if (trades.Count < size * 4)
                trades.Add((sender, receiver));
            else if (random.NextInt64(shipments) is var k && k < trades.Count)
                trades[(int)k] = (sender, receiver);
        }

        // Two trades apart: a sender, and a customer of its customer (party–shipment–party–shipment–party).
        var pairs = trades
            .Select(t => (t.Sender, Next: firstCustomer.GetValueOrDefault(t.Receiver)))
            .Where(t => t.Next is not null && t.Next != t.Sender)
            .Select(t => (t.Sender, t.Next!))
            .Take(size)
            .ToList();
        return new InvestigationSample
        {
            Exporters = Pick(exporters, size, random),
            EndUsers = Pick(endUsers, size, random),
            Companies = companies,
            Pairs = pairs,
            PartyCount = parties,
            ShipmentCount = shipments,
        };
    }

    private static string? First(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var values) && values.GetArrayLength() > 0 ? values[0].GetString() : null;

    private static List<string> Pick(HashSet<string> ids, int size, Random random)
    {
        var all = ids.Order(StringComparer.Ordinal).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
        return [.. all.Take(size)];
    }
}
