using EntityGraph.Core.Model;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>What a store writes for one entity of an upsert batch.</summary>
/// <param name="Fragment">The run's dataset's new fragment of the entity.</param>
/// <param name="Merged">The entity merged from <paramref name="Fragments"/>.</param>
/// <param name="Fragments">The fragments to keep: the other datasets' stored ones and the new one, in dataset order.</param>
/// <param name="Stored">The fragments the store held before (empty for a new entity).</param>
public sealed record FragmentWrite(FtmEntity Fragment, FtmEntity Merged, IReadOnlyList<FtmEntity> Fragments, IReadOnlyList<StoredFragment> Stored);
