using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Tests.FollowTheMoney;

public sealed class FtmProjectorTests
{
    private static readonly FtmEntity TwoSenders = new("s1", "EconomicActivity", new Dictionary<string, IReadOnlyList<string>>
    {
        ["sender"] = ["acme", "proxy"],
        ["receiver"] = ["buyer"],
        ["declarant"] = ["broker", "agent"],
        ["date"] = ["2023-05-02"],
    });

    [Fact]
    public void a_shipment_projects_a_link_for_each_party_in_each_role()
    {
        var projection = FtmProjector.Project(TwoSenders);

        Assert.Equal(
            ["s1:sender:acme", "s1:sender:proxy", "s1:receiver:buyer", "s1:declarant:broker", "s1:declarant:agent"],
            projection.Links.Select(l => l.Id));
        Assert.Equal(("proxy", "s1"), (projection.Links[1].SourceId, projection.Links[1].TargetId));
        Assert.Equal(("s1", "buyer"), (projection.Links[2].SourceId, projection.Links[2].TargetId));
    }

    [Fact]
    public void a_store_that_keeps_the_first_party_of_each_role_as_columns_gets_the_links_of_the_others_alone()
    {
        var projection = FtmProjector.Project(TwoSenders, includeFirstRoleLinks: false);

        Assert.Equal(["s1:sender:proxy", "s1:declarant:agent"], projection.Links.Select(l => l.Id));
        Assert.Equal(("acme", "buyer", "broker"), (projection.Shipment!.SenderId, projection.Shipment.ReceiverId, projection.Shipment.DeclarantId));
    }
}
