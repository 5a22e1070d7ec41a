using System.Text;
using EntityGraph.Core.Model;
using EntityGraph.Ingest.FollowTheMoney;

namespace EntityGraph.Ingest.Tests.FollowTheMoney;

public class FtmLineWriterTests
{
    [Fact]
    public async Task properties_are_sorted_by_name_and_values_keep_their_order()
    {
        var entity = new FtmEntity("c1", "Company", new Dictionary<string, IReadOnlyList<string>>
        {
            ["name"] = ["Зенит", "Zenit"],
            ["country"] = ["ru"],
        })
        {
            Datasets = ["a", "b"],
            FirstSeen = new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };
        var output = new MemoryStream();

        await using (var writer = new FtmLineWriter(output, leaveOpen: true))
            await writer.WriteAsync(entity, TestContext.Current.CancellationToken);

        Assert.Equal(
            """{"id":"c1","schema":"Company","properties":{"country":["ru"],"name":["Зенит","Zenit"]},"datasets":["a","b"],"first_seen":"2023-01-02T03:04:05"}""" + "\n",
            Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task a_written_line_parses_back_to_the_same_entity()
    {
        var entity = new FtmEntity("o\"1", "Ownership", new Dictionary<string, IReadOnlyList<string>>
        {
            ["owner"] = ["p1"],
            ["asset"] = ["c1"],
            ["percentage"] = ["51%"],
        });
        var output = new MemoryStream();
        await using (var writer = new FtmLineWriter(output, leaveOpen: true))
            await writer.WriteAsync(entity, TestContext.Current.CancellationToken);

        var back = FtmEntityParser.Parse(output.ToArray().AsSpan()[..^1]);

        Assert.Equal("o\"1", back.Id);
        Assert.Equal(entity.Properties.Keys.Order(), back.Properties.Keys.Order());
        foreach (var (name, values) in entity.Properties)
            Assert.Equal(values, back.Properties[name]);
    }
}
