using System.Net;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Server.Tests.Http;

public sealed class HealthTests
{
    [Fact]
    public async Task live_and_ready_answer_200_over_a_current_database()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        using var live = await server.Client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var ready = await server.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\"", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ready_is_503_when_the_database_schema_is_not_current_while_live_stays_200()
    {
        await using var server = await EntityGraphTestServer.StartAsync();
        await using (var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE schema_version";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var live = await server.Client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var ready = await server.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
