namespace EntityGraph.Core.Model;

/// <summary>What kind of party a node is.</summary>
public enum PartyKind
{
    Company,
    Organization,
    Person,

    /// <summary>A party of unknown kind, e.g. a name on a customs form.</summary>
    LegalEntity,
}
