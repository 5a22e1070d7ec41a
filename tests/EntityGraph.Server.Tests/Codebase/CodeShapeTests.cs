using EntityGraph.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EntityGraph.Server.Tests.Codebase;

/// <summary>
/// The shape rules of the source tree, which review would otherwise check by eye:
/// files small enough to read, methods short enough to hold in one's head, and capabilities resolved by
/// the composition root rather than discovered by downcasting a store.
/// </summary>
public sealed class CodeShapeTests
{
    private const int MaxFileLines = 500;
    private const int MaxMethodLines = 80;

    /// <summary>The stores' concrete types; only the composition root and the stores themselves may name them.</summary>
    private static readonly string[] ConcreteStores = ["IndexedGraphStore", "SqliteGraphStore", "Neo4jGraphStore"];

    private static readonly Lazy<IReadOnlyList<SourceFile>> Sources = new(ReadSources);

    [Fact]
    public void no_source_file_is_longer_than_500_lines()
    {
        var tooLong = Sources.Value.Where(s => s.Lines > MaxFileLines).Select(s => $"{s.Path} ({s.Lines} lines)").ToList();

        Assert.True(tooLong.Count == 0, $"Files over {MaxFileLines} lines: {string.Join(", ", tooLong)}");
    }

    [Fact]
    public void no_method_is_longer_than_80_lines()
    {
        var tooLong = (
            from source in Sources.Value
            from member in source.Root.DescendantNodes().OfType<MemberDeclarationSyntax>()
            where member is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax
            let lines = LineCount(member)
            where lines > MaxMethodLines
            select $"{source.Path}:{Line(member)} {Name(member)} ({lines} lines)").ToList();

        Assert.True(tooLong.Count == 0, $"Members over {MaxMethodLines} lines: {string.Join(", ", tooLong)}");
    }

    [Fact]
    public void no_store_is_downcast_to_find_what_it_can_do()
    {
        var downcasts = (
            from source in Sources.Value
            from node in source.Root.DescendantNodes()
            let type = node switch
            {
                BinaryExpressionSyntax b when b.IsKind(SyntaxKind.IsExpression) || b.IsKind(SyntaxKind.AsExpression) => b.Right,
                DeclarationPatternSyntax d => d.Type,
                TypePatternSyntax t => t.Type,
                RecursivePatternSyntax r => r.Type,
                CastExpressionSyntax c => c.Type,
                _ => null,
            }
            where type is not null && ConcreteStores.Contains(Simple(type))
            select $"{source.Path}:{Line(node)} {node}").ToList();

        Assert.True(downcasts.Count == 0, $"Downcasts to a concrete store: {string.Join(", ", downcasts)}");
    }

    [Fact]
    public void only_the_composition_root_and_the_index_itself_name_the_indexed_store()
    {
        string[] allowed = ["EntityGraph.Core/Indexing/", "EntityGraph.Server/Hosting/"];
        var uses = (
            from source in Sources.Value
            where !allowed.Any(a => source.Path.StartsWith(a, StringComparison.Ordinal))
            from name in source.Root.DescendantNodes().OfType<IdentifierNameSyntax>()
            where name.Identifier.ValueText == "IndexedGraphStore" && name.Parent is not NameMemberCrefSyntax
            select $"{source.Path}:{Line(name)}").ToList();

        Assert.True(uses.Count == 0, $"IndexedGraphStore named outside the composition root: {string.Join(", ", uses)}");
    }

    private static int LineCount(SyntaxNode node)
    {
        // From the declaration itself to its last token: leading documentation comments do not count.
        var span = node.GetLocation().GetLineSpan();
        var start = node.GetFirstToken().GetLocation().GetLineSpan().StartLinePosition.Line;
        return span.EndLinePosition.Line - start + 1;
    }

    private static int Line(SyntaxNode node) => node.GetFirstToken().GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Name(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        ConstructorDeclarationSyntax c => c.Identifier.ValueText,
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        _ => member.Kind().ToString(),
    };

    private static string Simple(SyntaxNode type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        NullableTypeSyntax n => Simple(n.ElementType),
        _ => type.ToString(),
    };

    private static List<SourceFile> ReadSources()
    {
        var src = Path.Combine(Repository.Root, "src");
        return [.. Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(src, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var text = File.ReadAllText(Path.Combine(src, path));
                var tree = CSharpSyntaxTree.ParseText(text, path: path);
                return new SourceFile(path, tree.GetRoot(TestContext.Current.CancellationToken), tree.GetText(TestContext.Current.CancellationToken).Lines.Count - (text.EndsWith('\n') ? 1 : 0));
            })];
    }

    private sealed record SourceFile(string Path, SyntaxNode Root, int Lines);
}
