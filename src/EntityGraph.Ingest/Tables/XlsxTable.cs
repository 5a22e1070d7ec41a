using EntityGraph.Ingest.Mapping;

namespace EntityGraph.Ingest.Tables;

/// <summary>An Excel workbook's sheet.</summary>
internal static class XlsxTable
{
    public static ITable Open(string path, string source, string? sheet) =>
        throw new MappingException(source, 0, "Excel workbooks are not read yet; save the sheet as CSV (UTF-8)");
}
