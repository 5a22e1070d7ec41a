using System.Text;
using System.Text.Json;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.Import;

/// <summary>An FtM JSON-lines source: one entity per line, refused with its line number and original text.</summary>
public sealed class FtmLineSource(FtmLineReader reader) : IImportSource
{
    /// <summary>Encodes each entity's properties for the store on the reading thread, where its values are still in the processor's cache.</summary>
    private readonly Core.FollowTheMoney.FtmPropertiesJson _json = new();

    public long BytesRead => reader.BytesRead;

    public long? TotalBytes => reader.TotalBytes;

    public IEnumerable<ImportUnit> Units(FtmEntityValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        foreach (var line in reader.ReadLines())
        {
            var input = FtmEntityParser.Parse(line.Utf8.Span);
            var verdict = validator.Judge(input);
            var origin = new LineOrigin(line);
            yield return verdict.IsValid
                ? new ImportUnit(origin, [(input.ToEntity(_json), null)], [])
                : new ImportUnit(origin, [], FtmEntityValidator.Reasons(verdict));
        }
    }

    private sealed class LineOrigin(FtmLine line) : IRecordOrigin
    {
        public long Position => line.Number;

        public void WriteLocation(Utf8JsonWriter json) => json.WriteNumber("line"u8, line.Number);

        public void WriteOriginal(Utf8JsonWriter json) => json.WriteString("original"u8, Encoding.UTF8.GetString(line.Utf8.Span));
    }
}
