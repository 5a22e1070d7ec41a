using EntityGraph.Ingest.Mapping;
using MiniExcelLibs;

namespace EntityGraph.Ingest.Tests.Mapping;

/// <summary>Excel workbooks as mapping sources, written here by another library so that the reader meets real files.</summary>
public class ExcelMappingTests
{
    private static string Mapping(string sheet = "") => $$"""
        customs:
          query:
            csv_url: customs.xlsx
            {{sheet}}
            entities:
              importer:
                schema: Company
                keys: [inn]
                properties: {name: importer, innCode: inn}
              declaration:
                schema: EconomicActivity
                keys: [no]
                properties:
                  receiver: {entity: importer}
                  date: date
                  customsAmount: value
        """;

    private static void Workbook(MappingRun run, Dictionary<string, object> sheets) =>
        MiniExcel.SaveAs(Path.Combine(run.Folder, "customs.xlsx"), sheets);

    private static Dictionary<string, object> Row(string no, DateTime date, string importer, double inn, double value) =>
        new() { ["no"] = no, ["date"] = date, ["importer"] = importer, ["inn"] = inn, ["value"] = value };

    [Fact]
    public void the_first_sheet_is_read_with_dates_as_dates_and_whole_numbers_without_decimals()
    {
        using var run = new MappingRun();
        Workbook(run, new()
        {
            ["2023"] = new[] { Row("A-1", new DateTime(2023, 3, 15), "Radiotekhprom", 7718123456, 48250.5) },
            ["2022"] = new[] { Row("B-1", new DateTime(2022, 1, 2), "Signal-Komplekt", 7726654433, 100) },
        });

        run.Run(Mapping());

        var declaration = run.Single("declaration");
        Assert.Equal(["2023-03-15"], declaration.Properties["date"]);
        Assert.Equal(["48250.5"], declaration.Properties["customsAmount"]);
        Assert.Equal(["7718123456"], run.Single("importer").Properties["innCode"]);
    }

    [Fact]
    public void sheet_names_the_sheet_to_read()
    {
        using var run = new MappingRun();
        Workbook(run, new()
        {
            ["2023"] = new[] { Row("A-1", new DateTime(2023, 3, 15), "Radiotekhprom", 7718123456, 48250.5) },
            ["2022"] = new[]
            {
                Row("B-1", new DateTime(2022, 1, 2), "Signal-Komplekt", 7726654433, 100),
                new Dictionary<string, object> { ["no"] = "B-2", ["date"] = new DateTime(2022, 1, 3), ["importer"] = "Mostok", ["inn"] = 7701234567d, ["value"] = "lots" },
            },
        });

        run.Run(Mapping("sheet: \"2022\""));

        Assert.Equal(["Signal-Komplekt"], run.Single("importer").Properties["name"]);
        Assert.Equal(["2022-01-02"], run.Single("declaration").Properties["date"]);
        var rejected = MappingRun.Rejected(Assert.Single(run.Refused));
        Assert.Equal("customs.xlsx", rejected.GetProperty("source").GetString());
        Assert.Equal(3, rejected.GetProperty("row").GetInt32());
        Assert.Equal(["B-2", "2022-01-03", "Mostok", "7701234567", "lots"], rejected.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void a_sheet_the_workbook_does_not_have_is_named_with_those_it_has()
    {
        using var run = new MappingRun();
        Workbook(run, new() { ["2023"] = new[] { Row("A-1", new DateTime(2023, 3, 15), "Radiotekhprom", 7718123456, 1) } });

        var error = Assert.Throws<MappingException>(() => run.Run(Mapping("sheet: Summary")));

        Assert.Equal("customs.xlsx", error.File);
        Assert.Equal("the workbook has no sheet 'Summary'; its sheets are '2023'", error.Problem);
    }

    [Fact]
    public void a_file_that_is_not_a_workbook_is_named()
    {
        using var run = new MappingRun().Table("customs.xlsx", "no,date\n1,2023-01-01\n");

        var error = Assert.Throws<MappingException>(() => run.Run(Mapping()));

        Assert.StartsWith("the file cannot be read as an Excel workbook (.xlsx)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_value_under_a_column_the_header_leaves_unnamed_rejects_the_row_rather_than_being_lost()
    {
        using var run = new MappingRun();
        var row = Row("A-1", new DateTime(2023, 3, 15), "Radiotekhprom", 7718123456, 1);
        var note = new Dictionary<string, object>(row) { [""] = "paid in cash" };
        var plain = new Dictionary<string, object>(row) { ["no"] = "A-2", [""] = null! };
        // The header names five columns and leaves the sixth empty.
        Workbook(run, new() { ["2023"] = new[] { note, plain } });

        run.Run(Mapping());

        Assert.Single(run.All("declaration"));
        Assert.Equal(["column 6 holds 'paid in cash', but the header row leaves that column unnamed; name it"], Assert.Single(run.Refused).Reasons);
    }
}
