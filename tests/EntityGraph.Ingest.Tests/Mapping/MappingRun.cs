using System.IO.Compression;
using System.Text;
using EntityGraph.Core.Model;
using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Mapping;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.Tests.Mapping;

/// <summary>A mapping file and its tables written to a fresh directory, and what running it gives.</summary>
public sealed class MappingRun : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Folder => _dir.Path;

    public string MappingPath => _dir.File("mapping.yml");

    public List<(string MappedAs, FtmEntity Entity)> Entities { get; } = [];

    public List<ImportUnit> Refused { get; } = [];

    public MappingSource? Source { get; private set; }

    public MappingRun Table(string name, string csv)
    {
        _dir.Write(name, csv);
        return this;
    }

    public MappingRun GzipTable(string name, string csv)
    {
        using var file = File.Create(_dir.File(name));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(csv));
        return this;
    }

    public MappingRun Bytes(string name, byte[] content)
    {
        File.WriteAllBytes(_dir.File(name), content);
        return this;
    }

    public FtmMapping Load(string yaml)
    {
        File.WriteAllText(MappingPath, yaml);
        return FtmMapping.Load(MappingPath);
    }

    /// <summary>Loads the mapping and runs its first dataset over its tables.</summary>
    public MappingRun Run(string yaml, string? dataset = null, bool sign = false)
    {
        var mapping = Load(yaml);
        Source = new MappingSource(mapping.Datasets[0], mapping.Path, dataset, sign);
        foreach (var unit in Source.Units(FtmEntityValidator.Default))
        {
            if (unit.Reasons.Count > 0)
                Refused.Add(unit);
            Entities.AddRange(unit.Entities.Select(e => (e.Mapped!.MappedAs, e.Entity)));
        }

        return this;
    }

    /// <summary>What the rejects file would say of a refused unit: its source, row and fields.</summary>
    public static System.Text.Json.JsonElement Rejected(ImportUnit unit)
    {
        var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            unit.Origin.WriteLocation(json);
            unit.Origin.WriteOriginal(json);
            json.WriteEndObject();
        }

        return System.Text.Json.JsonDocument.Parse(buffer.ToArray()).RootElement;
    }

    public FtmEntity Single(string mappedAs) => Assert.Single(Entities, e => e.MappedAs == mappedAs).Entity;

    public IEnumerable<FtmEntity> All(string mappedAs) => Entities.Where(e => e.MappedAs == mappedAs).Select(e => e.Entity);

    public void Dispose() => _dir.Dispose();
}
