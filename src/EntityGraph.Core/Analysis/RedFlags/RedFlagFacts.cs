using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.RedFlags;

/// <summary>What the detector read from the store for a batch of parties, indexed for the rules.</summary>
internal sealed class RedFlagFacts
{
    public Dictionary<string, Exposure> Exposures { get; } = new(StringComparer.Ordinal);

    /// <summary>Links into each party in force on the day: Ownership, Directorship, Control.</summary>
    public Dictionary<string, List<Link>> Holders { get; } = new(StringComparer.Ordinal);

    /// <summary>Each party's own address registrations.</summary>
    public Dictionary<string, List<Link>> Registrations { get; } = new(StringComparer.Ordinal);

    /// <summary>Every registration read at each address, the parties' own included.</summary>
    public Dictionary<string, List<Link>> Residents { get; } = new(StringComparer.Ordinal);

    public bool ResidentsTruncated { get; set; }

    /// <summary>Sanctions in force on the day, by the party they name.</summary>
    public Dictionary<string, List<Sanction>> ActiveSanctions { get; } = new(StringComparer.Ordinal);

    /// <summary>CHPL shipments by party, per role, in date order.</summary>
    public Dictionary<ShipmentRole, Dictionary<string, List<Shipment>>> Shipments { get; } = new()
    {
        [ShipmentRole.Sender] = new(StringComparer.Ordinal),
        [ShipmentRole.Receiver] = new(StringComparer.Ordinal),
        [ShipmentRole.Declarant] = new(StringComparer.Ordinal),
    };

    public HashSet<ShipmentRole> TruncatedRoles { get; } = [];

    /// <summary>Parties mentioned in sentences (names, countries).</summary>
    public Dictionary<string, Party> Parties { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Address> Addresses { get; } = new(StringComparer.Ordinal);

    public static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        list.Add(value);
    }

    public static IReadOnlyList<T> Of<T>(Dictionary<string, List<T>> index, string key) =>
        index.TryGetValue(key, out var list) ? list : [];

    public IReadOnlyList<Shipment> ShipmentsOf(string partyId, ShipmentRole role) => Of(Shipments[role], partyId);

    public IReadOnlyList<Sanction> SanctionsOf(string partyId) => Of(ActiveSanctions, partyId);

    /// <summary>Parties a sentence named that were not read yet; the detector reads them and writes the sentences again.</summary>
    public HashSet<string> MissingNames { get; } = new(StringComparer.Ordinal);

    public string Name(string partyId)
    {
        if (Parties.TryGetValue(partyId, out var party))
            return party.Name;
        MissingNames.Add(partyId);
        return partyId;
    }
}
