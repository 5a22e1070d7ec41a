using System.Text;
using System.Text.Json.Nodes;
using EntityGraph.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EntityGraph.Server.Tests.Limits;

public sealed class DeepQueryTests
{
    private static string CodeOf(JsonNode body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private static string Nested(int levels)
    {
        var query = new StringBuilder("{ party(id: \"acme\") { ");
        for (var i = 0; i < levels; i++)
            query.Append("... on Company { owners { party { ");
        return query.Append("name").Append(new string('}', (levels * 3) + 2)).ToString();
    }

    [Fact]
    public async Task a_query_nested_deeper_than_the_parser_allows_is_refused_with_limit_exceeded_and_one_log_line()
    {
        var log = new CapturedLog();
        await using var server = await EntityGraphTestServer.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(log));

        var (status, body) = await server.PostAsync(Nested(100));

        Assert.Equal(400, status);
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
        Assert.Equal("The query is nested too deeply to read; the most fields a query may nest is 15.", body["errors"]![0]!["message"]!.GetValue<string>());
        var logged = log.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        var line = Assert.Single(logged);
        Assert.Null(line.Exception);
        Assert.DoesNotContain('\n', line.Message);
        Assert.DoesNotContain("owners", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_query_just_past_the_depth_limit_still_gets_the_depth_message()
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (status, body) = await server.PostAsync(Nested(10));

        Assert.Equal(400, status);
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
    }
}
