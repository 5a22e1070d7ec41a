using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>A ranked name search over parties.</summary>
/// <param name="Text">What the user typed; normalised with <see cref="Search.SearchText"/>.</param>
/// <param name="Kinds">Only parties of these kinds; null or empty for all.</param>
/// <param name="Countries">Only parties linked to one of these countries; null or empty for all.</param>
/// <param name="First">Page size.</param>
/// <param name="After">An opaque cursor from <see cref="SearchPage.EndCursor"/>.</param>
public sealed record PartySearch(
    string Text,
    IReadOnlyCollection<PartyKind>? Kinds = null,
    IReadOnlyCollection<string>? Countries = null,
    int First = 20,
    string? After = null);
