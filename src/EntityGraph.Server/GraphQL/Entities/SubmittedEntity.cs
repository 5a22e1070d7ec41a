namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>An FtM entity as a client sends it (GraphQL input type <c>FtmEntityInput</c>) to <c>upsertEntities</c>, before validation.</summary>
public sealed class SubmittedEntity
{
    public string Id { get; set; } = string.Empty;

    public string Schema { get; set; } = string.Empty;

    /// <summary>The property map as parsed from JSON: expected to be property name → list of strings.</summary>
    public object? Properties { get; set; }
}
