namespace EntityGraph.Ingest.Synthetic;

/// <summary>
/// How a party budget N and a shipment count M become entities: N splits into companies (40%:
/// a quarter exporters, 45% intermediaries, 30% end users), persons (20%), addresses (8%),
/// ownerships (20%), directorships (9%) and sanctions (the remaining ~3%); M is the number of
/// shipments. The total is exactly N + M, so <c>--parties 600000 --shipments 400000</c> gives
/// 1,000,000 entities.
/// </summary>
public sealed record SyntheticDataPlan(
    int Exporters,
    int Intermediaries,
    int EndUsers,
    int Persons,
    int Addresses,
    int Ownerships,
    int Directorships,
    int Sanctions,
    int Shipments)
{
    public int Companies => Exporters + Intermediaries + EndUsers;

    public long Total => (long)Companies + Persons + Addresses + Ownerships + Directorships + Sanctions + Shipments;

    /// <summary>Splits the budgets.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 100 parties, or a negative number of shipments.</exception>
    public static SyntheticDataPlan For(SyntheticDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parties, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Shipments);
        var n = options.Parties;
        var companies = Share(n, 0.40);
        var exporters = Share(companies, 0.25);
        var intermediaries = Share(companies, 0.45);
        var persons = Share(n, 0.20);
        var addresses = Share(n, 0.08);
        // Ownerships come in pairs of stakes in one company.
        var ownerships = Share(n, 0.20) & ~1;
        var directorships = Share(n, 0.09);
        var sanctions = n - companies - persons - addresses - ownerships - directorships;
        return new SyntheticDataPlan(
            exporters, intermediaries, companies - exporters - intermediaries, persons, addresses, ownerships, directorships, sanctions, options.Shipments);
    }

    private static int Share(int total, double fraction) => (int)Math.Round(total * fraction, MidpointRounding.AwayFromZero);
}
