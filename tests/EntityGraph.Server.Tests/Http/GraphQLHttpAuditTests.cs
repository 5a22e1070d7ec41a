using System.Text.Json.Nodes;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Http;

public sealed class GraphQLHttpAuditTests
{
    [Fact]
    public async Task the_graphql_http_audit_finds_no_must_failure_and_no_should_warning()
    {
        var tool = Path.Combine(Repository.Root, "tools", "graphql-http-audit");
        if (!Directory.Exists(Path.Combine(tool, "node_modules")))
        {
            var install = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], tool, TimeSpan.FromMinutes(3));
            Assert.True(install.ExitCode == 0, "npm ci failed: " + install.Error);
        }

        await using var server = await EntityGraphTestServer.StartAsync(kestrel: true);
        var audit = await ChildProcess.RunAsync("node", ["audit.mjs", server.Url + "/graphql"], tool, TimeSpan.FromMinutes(2));
        Assert.True(audit.ExitCode == 0, "The audit script failed: " + audit.Error);

        var results = JsonNode.Parse(audit.Output)!["results"]!.AsArray().Select(r => r!).ToList();
        var failures = results
            .Where(r => (r["requirement"]!.GetValue<string>(), r["status"]!.GetValue<string>()) is ("MUST", not "ok") or ("SHOULD", not "ok"))
            .Select(r => $"{r["status"]} {r["id"]} {r["name"]}: {r["reason"]}")
            .ToList();
        Assert.True(results.Count > 50, $"The audit ran only {results.Count} checks.");
        Assert.True(failures.Count == 0, "graphql-http audit failures:\n" + string.Join("\n", failures));
    }
}
