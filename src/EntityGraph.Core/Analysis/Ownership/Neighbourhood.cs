using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>The ownership graph above a party, as gathered from the store for one day.</summary>
internal sealed class Neighbourhood
{
    private readonly Dictionary<string, List<Link>> _ownershipByAsset = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ownershipIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Sanction>> _activeSanctions = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, List<Link>> OwnershipByAsset => _ownershipByAsset;

    public IEnumerable<string> DirectlySanctioned => _activeSanctions.Keys;

    public List<Link> Controls { get; } = [];

    public bool Truncated { get; set; }

    public void AddOwnership(Link link)
    {
        if (!_ownershipIds.Add(link.Id))
            return;
        if (!_ownershipByAsset.TryGetValue(link.TargetId, out var links))
            _ownershipByAsset[link.TargetId] = links = [];
        links.Add(link);
    }

    public void AddSanction(string partyId, Sanction sanction, bool active)
    {
        if (!active)
            return;
        if (!_activeSanctions.TryGetValue(partyId, out var sanctions))
            _activeSanctions[partyId] = sanctions = [];
        if (!sanctions.Any(s => s.Id == sanction.Id))
            sanctions.Add(sanction);
    }

    public IReadOnlyList<Link> IncomingOwnership(string assetId) =>
        _ownershipByAsset.TryGetValue(assetId, out var links) ? links : [];

    public IReadOnlyList<Sanction> ActiveSanctions(string partyId) =>
        _activeSanctions.TryGetValue(partyId, out var sanctions) ? [.. sanctions.OrderBy(s => s.Id, StringComparer.Ordinal)] : [];
}
