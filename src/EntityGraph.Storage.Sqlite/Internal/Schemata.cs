using EntityGraph.Core.FollowTheMoney;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>Which of two FtM schemata an entity takes when its fragments disagree.</summary>
internal static class Schemata
{
    /// <summary>The more specific of two schemata when one is a kind of the other; null when neither is.</summary>
    public static string? MostSpecific(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
            return a;
        var catalog = FtmSchemaCatalog.Default;
        if (!catalog.TryGet(a, out var left) || !catalog.TryGet(b, out var right))
            return null;
        if (left.IsA(b))
            return a;
        return right.IsA(a) ? b : null;
    }
}
