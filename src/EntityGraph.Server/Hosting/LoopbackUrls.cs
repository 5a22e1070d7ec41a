using System.Net;

namespace EntityGraph.Server.Hosting;

/// <summary>
/// Guards the bind addresses: without an API token the server may listen on the loopback interface
/// only (localhost, 127.0.0.0/8, ::1), where no other machine can reach it.
/// </summary>
public static class LoopbackUrls
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>The URLs (separated by ';') that are not loopback; empty when all are.</summary>
    public static IReadOnlyList<string> NonLoopback(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(u => !IsLoopback(u)).ToList();

    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (http://*:5080, http://+:5080) are not URIs; they mean every interface.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return false;
        var host = uri.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
