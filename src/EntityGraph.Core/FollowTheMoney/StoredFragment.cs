using EntityGraph.Core.Model;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>A fragment a store holds (its <see cref="FtmEntity.Datasets"/> is the one dataset), with the import run that wrote it last.</summary>
public sealed record StoredFragment(FtmEntity Fragment, string RunId)
{
    public string Dataset => Fragment.Datasets[0];
}
