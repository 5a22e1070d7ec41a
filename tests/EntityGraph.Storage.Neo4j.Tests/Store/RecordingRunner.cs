using System.Text.RegularExpressions;
using EntityGraph.Storage.Neo4j.Internal;
using EntityGraph.Storage.Neo4j.QueryApi;

namespace EntityGraph.Storage.Neo4j.Tests.Store;

/// <summary>
/// A query runner that records what the store asks of Neo4j, by query name, and answers from canned
/// results (an empty result otherwise). Write transactions run their work as often as
/// <see cref="Attempts"/> says, as the client does when it retries a transient failure.
/// </summary>
internal sealed partial class RecordingRunner : IQueryRunner
{
    private static readonly Lazy<Dictionary<string, string>> NamesByText = new(() =>
        CypherStatements.QueryNames.ToDictionary(CypherStatements.Query, n => n, StringComparer.Ordinal));

    public List<Call> Calls { get; } = [];

    /// <summary>Canned answers by query name, given the parameters.</summary>
    public Dictionary<string, Func<IReadOnlyDictionary<string, object?>, QueryResult>> Answers { get; } = new(StringComparer.Ordinal);

    public int Attempts { get; set; } = 1;

    public int Transactions { get; private set; }

    public IEnumerable<Call> Named(string name) => Calls.Where(c => c.Name == name);

    public Task<QueryResult> ReadAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        Task.FromResult(Record(statement, parameters, transaction: null));

    public async Task<T> WriteAsync<T>(Func<IQueryTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        T result = default!;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var transaction = ++Transactions;
            result = await work(new Transaction(this, transaction), cancellationToken);
        }

        return result;
    }

    /// <summary>The parameters a statement refers to, outside its comments.</summary>
    public static HashSet<string> ParametersOf(string statement)
    {
        var code = string.Join('\n', statement.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        return Parameter().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    private QueryResult Record(string statement, IReadOnlyDictionary<string, object?> parameters, int? transaction)
    {
        var name = NamesByText.Value.TryGetValue(statement, out var known) ? known : "(schema) " + statement;
        Calls.Add(new Call(name, statement, parameters, transaction));
        return Answers.TryGetValue(name, out var answer) ? answer(parameters) : new QueryResult([], [], []);
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();

    public sealed record Call(string Name, string Statement, IReadOnlyDictionary<string, object?> Parameters, int? Transaction)
    {
        public IReadOnlyList<Dictionary<string, object?>> Rows(string parameter) =>
            ((IEnumerable<Dictionary<string, object?>>)Parameters[parameter]!).ToList();
    }

    private sealed class Transaction(RecordingRunner runner, int id) : IQueryTransaction
    {
        public Task<QueryResult> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(runner.Record(statement, parameters, id));
    }
}
