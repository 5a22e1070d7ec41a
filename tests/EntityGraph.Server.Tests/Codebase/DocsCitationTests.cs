using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Codebase;

/// <summary>
/// The design documents stay reachable: every <c>docs/…</c> path cited in the code (C# and Cypher) is a file with the section
/// it names, and every relative link of the README and of <c>docs/</c> leads to a file (and section) that exists.
/// </summary>
public sealed partial class DocsCitationTests
{
    [Fact]
    public void every_docs_path_cited_in_the_code_is_a_file_with_the_cited_section()
    {
        var root = Repository.Root;
        var citations = SourceFiles(root)
            .SelectMany(file => Citation().Matches(File.ReadAllText(file)).Select(m => (File: file, Path: m.Groups["path"].Value, Anchor: m.Groups["anchor"].Value)))
            .ToList();

        Assert.NotEmpty(citations);
        var broken = citations
            .Select(c => (c.File, Cited: c.Path + (c.Anchor.Length > 0 ? "#" + c.Anchor : ""), Problem: Problem(Path.Combine(root, c.Path), c.Anchor)))
            .Where(c => c.Problem is not null)
            .Select(c => $"{Path.GetRelativePath(root, c.File)} cites {c.Cited}: {c.Problem}")
            .ToList();
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public void every_relative_link_of_the_readme_and_the_docs_leads_to_a_file_and_section_that_exist()
    {
        var root = Repository.Root;
        var documents = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md")).ToList();

        var links = documents.SelectMany(document => Links(File.ReadAllText(document)).Select(link => (Document: document, Link: link))).ToList();

        Assert.NotEmpty(links);
        var broken = links
            .Select(l => (l.Document, l.Link, Problem: LinkProblem(l.Document, l.Link)))
            .Where(l => l.Problem is not null)
            .Select(l => $"{Path.GetRelativePath(root, l.Document)} links to {l.Link}: {l.Problem}")
            .ToList();
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Theory]
    [InlineData("## Red flags", "red-flags")]
    [InlineData("### The OFAC and EU rules", "the-ofac-and-eu-rules")]
    [InlineData("## `paths`: what a path is", "paths-what-a-path-is")]
    [InlineData("### Where a route ends (downstream/upstream)", "where-a-route-ends-downstreamupstream")]
    [InlineData("## The [trade index](architecture.md) and its caches", "the-trade-index-and-its-caches")]
    [InlineData("## snake_case and kebab-case", "snake_case-and-kebab-case")]
    [InlineData("## Проверка", "проверка")]
    public void a_heading_gives_the_anchor_github_gives_it(string heading, string anchor) =>
        Assert.Contains(anchor, Anchors(heading));

    [Fact]
    public void a_heading_that_repeats_gets_a_numbered_anchor() =>
        Assert.Equal(["limits", "limits-1", "limits-2"], Anchors("## Limits\n\ntext\n\n### Limits\n\n## Limits"));

    [Fact]
    public void headings_in_code_blocks_give_no_anchor() =>
        Assert.Equal(["real"], Anchors("```sh\n# not a heading\n```\n\n# Real"));

    /// <summary>Why a cited or linked file (and section) does not exist; null when it does.</summary>
    private static string? Problem(string path, string anchor)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            return "no such file";
        if (anchor.Length == 0)
            return null;
        if (!path.EndsWith(".md", StringComparison.Ordinal) || !File.Exists(path))
            return "a section of a file that has no headings";
        var anchors = Anchors(File.ReadAllText(path));
        return anchors.Contains(Uri.UnescapeDataString(anchor)) ? null : $"no heading gives the anchor #{anchor} (the file has #{string.Join(", #", anchors)})";
    }

    private static string? LinkProblem(string document, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? link : link[..hash];
        var anchor = hash < 0 ? "" : link[(hash + 1)..];
        var path = target.Length == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, Uri.UnescapeDataString(target)));
        return Problem(path, anchor);
    }

    /// <summary>The relative link targets of a Markdown document, outside code.</summary>
    private static IEnumerable<string> Links(string markdown)
    {
        foreach (var line in OutsideCodeBlocks(markdown))
        {
            foreach (Match match in MarkdownLink().Matches(InlineCode().Replace(line, "")))
            {
                var target = match.Groups["target"].Value;
                if (!target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal))
                    yield return target;
            }
        }
    }

    /// <summary>
    /// The anchors GitHub gives the headings of a document: the heading's text (link targets dropped), lower
    /// case, without punctuation other than <c>-</c> and <c>_</c>, spaces turned into <c>-</c>; a repeated
    /// anchor gets <c>-1</c>, <c>-2</c>, … in order.
    /// </summary>
    private static List<string> Anchors(string markdown)
    {
        var anchors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in OutsideCodeBlocks(markdown))
        {
            if (Heading().Match(line) is not { Success: true } heading)
                continue;
            var text = MarkdownLink().Replace(heading.Groups["text"].Value, m => m.Groups["text"].Value).Trim().ToLowerInvariant();
            var slug = new StringBuilder();
            foreach (var c in text)
            {
                if (c == ' ')
                    slug.Append('-');
                else if (c is '-' or '_' || char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
                    slug.Append(c);
            }

            var anchor = slug.ToString();
            var repeats = seen.GetValueOrDefault(anchor);
            seen[anchor] = repeats + 1;
            anchors.Add(repeats == 0 ? anchor : $"{anchor}-{repeats}");
        }

        return anchors;
    }

    private static IEnumerable<string> OutsideCodeBlocks(string markdown)
    {
        var fenced = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
                yield return line;
        }
    }

    /// <summary>The code that may cite docs/: the C# sources and the Cypher files.</summary>
    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "cypher"), "*.cypher", SearchOption.AllDirectories));

    /// <summary><c>docs/domain.md</c> or <c>docs/domain.md#red-flags</c>, as a comment cites it (a sentence's full stop is not part of it).</summary>
    [GeneratedRegex(@"(?<![\w./-])(?<path>docs/[\w./-]*?\.md)(?:#(?<anchor>[\p{L}\p{N}_-]+))?")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
