namespace EntityGraph.Server.Auth;

/// <summary>
/// Who may call the API (section <c>EntityGraph:Auth</c>; environment <c>EntityGraph__Auth__Token</c> or
/// <c>ENTITYGRAPH_API_TOKEN</c>). With a token set, every request except the health checks must carry
/// <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "EntityGraph:Auth";

    public const string TokenKey = Section + ":" + nameof(Token);

    /// <summary>The short environment variable that sets <see cref="Token"/>.</summary>
    public const string TokenEnvironmentVariable = "ENTITYGRAPH_API_TOKEN";

    /// <summary>The shortest token accepted for serving beyond loopback: 32 characters, e.g. 16 random bytes in hex.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>The shared bearer token; no authentication when empty.</summary>
    public string? Token { get; set; }

    /// <summary>Whether requests must authenticate.</summary>
    public bool Required => !string.IsNullOrWhiteSpace(Token);
}
