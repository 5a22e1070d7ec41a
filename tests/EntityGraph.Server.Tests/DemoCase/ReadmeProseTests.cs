using System.Reflection;
using System.Text.RegularExpressions;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.DemoCase;

/// <summary>What the README says in words, against what the server does.</summary>
public sealed partial class ReadmeProseTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));

    /// <summary>The sentence that lists the <c>extensions.code</c> values, up to the correlation id that follows it.</summary>
    private static string ErrorCodesSentence()
    {
        var start = Readme.IndexOf("errors carry\n`extensions.code`", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README no longer says which extensions.code values errors carry.");
        return Readme[start..Readme.IndexOf("correlation id", start, StringComparison.Ordinal)];
    }

    public static TheoryData<string> ServerErrorCodes() =>
        [.. typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(ServerErrorCodes))]
    public void every_error_code_of_the_server_is_listed_where_the_readme_lists_them(string code) =>
        Assert.Contains($"`{code}`", ErrorCodesSentence(), StringComparison.Ordinal);

    [Theory]
    [InlineData("{ search(text: \"acme\") { totalCount ")]
    [InlineData("{ nonsense }")]
    public async Task the_code_of_a_query_the_parser_or_the_validation_refuses_is_listed_too(string query)
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (_, body) = await server.PostAsync(query);

        var code = body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
        Assert.Contains($"`{code}`", ErrorCodesSentence(), StringComparison.Ordinal);
    }

    [Fact]
    public void the_upstream_example_names_only_fields_its_query_selects()
    {
        var example = UpstreamExample().Match(Readme);
        Assert.True(example.Success, "The README's upstream trace example (6) was not found.");

        var query = example.Groups["query"].Value;
        foreach (var field in BacktickedName().Matches(example.Groups["prose"].Value).Select(m => m.Groups[1].Value))
            Assert.Matches($@"\b{field}\b", query);
    }

    [GeneratedRegex(@"\*\*6\. .*?```graphql\n(?<query>.*?)```\n(?<prose>.*?)\n\n", RegexOptions.Singleline)]
    private static partial Regex UpstreamExample();

    [GeneratedRegex(@"`([a-z][A-Za-z]*)`")]
    private static partial Regex BacktickedName();
}
