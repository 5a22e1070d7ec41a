using EntityGraph.Core.Model;
using EntityGraph.Storage.Neo4j.Internal;

namespace EntityGraph.Storage.Neo4j.Tests.Store;

/// <summary>
/// The link expansions compare FtM date strings with the day cut to their precision
/// (<c>r.endDate &gt;= left($activeFrom, size(r.endDate))</c>); this checks that rule against
/// <see cref="Link.IsActiveOn"/>, the meaning every store must have.
/// </summary>
public sealed class LinkDateRuleTests
{
    private static readonly string[] Dates = ["2019", "2019-06", "2019-06-30", "2019-07-01", "2020", "2020-01-15", "2020-02", "2018-12-31"];

    private static readonly DateOnly[] Days =
        [new(2019, 6, 29), new(2019, 6, 30), new(2019, 7, 1), new(2019, 12, 31), new(2020, 1, 1), new(2020, 1, 14), new(2020, 1, 15), new(2020, 2, 29), new(2018, 12, 31)];

    [Fact]
    public void a_link_ended_on_a_date_string_is_active_from_a_day_exactly_when_its_last_possible_day_is_not_before_it()
    {
        foreach (var end in Dates)
        {
            foreach (var day in Days)
            {
                var text = Values.Day(day)!;
                var cypher = string.CompareOrdinal(end, text[..end.Length]) >= 0;
                Assert.True(PartialDate.Parse(end).Latest >= day == cypher, $"end {end}, active from {text}");
            }
        }
    }

    [Fact]
    public void a_link_started_on_a_date_string_is_active_until_a_day_exactly_when_its_first_possible_day_is_not_after_it()
    {
        foreach (var start in Dates)
        {
            foreach (var day in Days)
            {
                var text = Values.Day(day)!;
                var cypher = string.CompareOrdinal(start, text[..start.Length]) <= 0;
                Assert.True(PartialDate.Parse(start).Earliest <= day == cypher, $"start {start}, active to {text}");
            }
        }
    }

    [Fact]
    public void every_link_expansion_uses_that_rule()
    {
        foreach (var direction in Enum.GetValues<LinkDirection>())
        {
            var text = CypherStatements.Query(Queries.ExpandLinks(direction));
            Assert.Contains("r.endDate >= left($activeFrom, size(r.endDate))", text, StringComparison.Ordinal);
            Assert.Contains("r.startDate <= left($activeTo, size(r.startDate))", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void link_expansion_days_are_passed_as_iso_days()
    {
        Assert.Equal("2019-06-30", Values.Day(new DateOnly(2019, 6, 30)));
        Assert.Null(Values.Day(null));
    }
}
