using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

/// <summary>A request the stub received, as the client sent it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The request had no JSON body.");
}

/// <summary>A scripted answer: status, body and extra headers, optionally after a delay.</summary>
public sealed record StubResponse(int Status, string? Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// A Neo4j Query API stand-in on 127.0.0.1 and a free port. It answers requests in order from a script
/// and records every request; a request beyond the script gets a 500, so an unexpected request fails the test.
/// </summary>
public sealed class QueryApiStub : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<StubResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private QueryApiStub(HttpListener listener, Uri uri)
    {
        _listener = listener;
        Uri = uri;
        _loop = Task.Run(ServeAsync);
    }

    public Uri Uri { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static QueryApiStub Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var uri = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(uri.ToString());
            try
            {
                listener.Start();
                return new QueryApiStub(listener, uri);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A loopback port nobody listens on, for connection failures.</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public QueryApiStub Respond(int status, string? body, IReadOnlyDictionary<string, string>? headers = null, TimeSpan delay = default)
    {
        _script.Enqueue(new StubResponse(status, body, headers, delay));
        return this;
    }

    /// <summary>Waits until the stub has recorded <paramref name="count"/> requests; its loop may lag on a busy machine.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < 100 && _requests.Count < count; i++)
        {
            await Task.Delay(20);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is ObjectDisposedException or HttpListenerException or OperationCanceledException)
        {
            // The listener is closed under the loop on purpose.
        }

        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is ObjectDisposedException or HttpListenerException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.AllKeys
            .Where(k => k is not null)
            .ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, headers, body));

        var answer = _script.TryDequeue(out var scripted)
            ? scripted
            : new StubResponse(500, """{"errors":[{"code":"Test.UnexpectedRequest","message":"The test did not script this request."}]}""");
        try
        {
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, _stopping.Token);
            }

            var response = context.Response;
            response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                response.Headers[name] = value;
            }

            if (answer.Body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(answer.Body);
                response.ContentType = "application/vnd.neo4j.query";
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes, _stopping.Token);
            }

            response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout or cancellation) or the stub is stopping.
        }
    }
}
