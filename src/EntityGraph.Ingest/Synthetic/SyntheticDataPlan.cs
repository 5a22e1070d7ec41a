namespace EntityGraph.Ingest.Synthetic;

/// <summary>
/// How a number of parties P and a shipment count M become entities: P parties are companies (two thirds:
/// a quarter exporters, 45% intermediaries, 30% end users) and persons (one third), around which come
/// addresses (2/15 of P), ownerships (1/3 of P), directorships (15% of P) and sanctions (5% of P); M is the
/// number of shipments. <c>--parties 360000 --shipments 400000</c> gives 1,000,000 entities.
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
    /// <summary>The fewest parties a case can be made of.</summary>
    public const int MinimumParties = 100;

    public int Companies => Exporters + Intermediaries + EndUsers;

    /// <summary>Companies and persons.</summary>
    public int Parties => Companies + Persons;

    public long Total => (long)Companies + Persons + Addresses + Ownerships + Directorships + Sanctions + Shipments;

    /// <summary>Splits the counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than <see cref="MinimumParties"/> parties, or a negative number of shipments.</exception>
    public static SyntheticDataPlan For(SyntheticDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parties, MinimumParties);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Shipments);
        // Parties are 60% of the entities other than shipments; the other shares are of that whole.
        var p = options.Parties;
        var companies = Share(p, 2.0 / 3);
        var exporters = Share(companies, 0.25);
        var intermediaries = Share(companies, 0.45);
        var addresses = Share(p, 2.0 / 15);
        // Ownerships come in pairs of stakes in one company.
        var ownerships = Share(p, 1.0 / 3) & ~1;
        var directorships = Share(p, 0.15);
        var sanctions = Share(p, 0.05);
        return new SyntheticDataPlan(
            exporters, intermediaries, companies - exporters - intermediaries, p - companies, addresses, ownerships, directorships, sanctions, options.Shipments);
    }

    private static int Share(int total, double fraction) => (int)Math.Round(total * fraction, MidpointRounding.AwayFromZero);
}
