using System.Collections.Concurrent;
using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.RedFlags;
using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Loading;
using GraphQL.DataLoader;

namespace EntityGraph.Server.GraphQL.RedFlags;

/// <summary>
/// The red flags of one request, batched: the parties of a response level asking for <c>redFlags</c>
/// with the same rule and day cost one <see cref="RedFlagDetector"/> batch, not one per party.
/// </summary>
internal sealed class RedFlagLoader(IGraphStore store)
{
    private readonly ConcurrentDictionary<(OwnershipRule Rule, DateOnly AsOf), BatchLoader<string, IReadOnlyList<RedFlag>>> _loaders = new();

    public IDataLoaderResult<IReadOnlyList<RedFlag>> Load(string partyId, OwnershipRule rule, DateOnly asOf) =>
        new MappedResult<IReadOnlyList<RedFlag>?, IReadOnlyList<RedFlag>>(
            _loaders.GetOrAdd((rule, asOf), key => new BatchLoader<string, IReadOnlyList<RedFlag>>(
                (ids, ct) => new RedFlagDetector(store).DetectAsync(ids, key.Rule, key.AsOf, ct))).Load(partyId),
            flags => flags ?? []);
}
