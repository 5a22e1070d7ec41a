namespace EntityGraph.Core.Model;

/// <summary>Which way to follow links from a node.</summary>
public enum LinkDirection
{
    /// <summary>Links whose source is the node.</summary>
    Outgoing,

    /// <summary>Links whose target is the node.</summary>
    Incoming,

    Both,
}
