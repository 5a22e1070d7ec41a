using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Ingest.Mapping.Internal;

namespace EntityGraph.Ingest.Mapping;

/// <summary>
/// A FollowTheMoney mapping file (the YAML that <c>ftm map</c> and Aleph run): top-level datasets, each with
/// <c>queries</c> (or one <c>query</c>) that turn the rows of CSV or Excel tables into entities. Loading checks the
/// whole file against FtM's schemata, so that a mistake stops before any row is read, with its line.
/// </summary>
public sealed class FtmMapping
{
    internal FtmMapping(string path, IReadOnlyList<DatasetMapping> datasets)
    {
        Path = path;
        Datasets = datasets;
    }

    /// <summary>The mapping file.</summary>
    public string Path { get; }

    public IReadOnlyList<DatasetMapping> Datasets { get; }

    /// <summary>Reads and checks a mapping file; source paths are taken relative to its folder.</summary>
    /// <exception cref="MappingException">The file is not a mapping EntityGraph can run; the message says where and why.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static FtmMapping Load(string path, FtmSchemaCatalog? catalog = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var text = File.OpenText(path);
        return Read(text, path, catalog);
    }

    /// <summary>Reads and checks a mapping from text; <paramref name="path"/> names it and anchors relative source paths.</summary>
    public static FtmMapping Read(TextReader text, string path, FtmSchemaCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        return new FtmMapping(path, new MappingReader(path, folder, catalog ?? FtmSchemaCatalog.Default).Read(text));
    }
}
