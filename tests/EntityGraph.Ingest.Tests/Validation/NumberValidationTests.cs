using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.Tests.Validation;

public class NumberValidationTests
{
    private static string Shipment(string property, string value) =>
        $$$"""{"id":"ship-1","schema":"EconomicActivity","properties":{"sender":["acme"],"receiver":["ivanov"],"{{{property}}}":[{{{System.Text.Json.JsonSerializer.Serialize(value)}}}]}}""";

    private static FluentValidation.Results.ValidationResult Validate(string json) => FtmEntityValidator.Default.Validate(FtmEntityParser.Parse(json));

    [Theory]
    [InlineData("customsAmount", "lots")]
    [InlineData("invoiceAmount", "abc")]
    [InlineData("customsAmount", "1e999")]
    [InlineData("customsAmount", "1e5")]
    [InlineData("invoiceAmount", "Infinity")]
    [InlineData("invoiceAmount", "-Infinity")]
    [InlineData("customsAmount", "∞")]
    [InlineData("customsAmount", "NaN")]
    [InlineData("customsAmount", "")]
    [InlineData("customsAmount", "12.")]
    [InlineData("customsAmount", ".5")]
    [InlineData("customsAmount", "1.2.3")]
    [InlineData("customsAmount", "1234.5 USD")]
    [InlineData("customsAmount", "0x1F")]
    [InlineData("invoiceAmount", "1 234.5")]
    [InlineData("customsAmount", "12,5")]
    [InlineData("customsAmount", "1,2,3")]
    [InlineData("invoiceAmount", ",5")]
    [InlineData("invoiceAmount", "1,23")]
    [InlineData("customsAmount", "1234,567.5")]
    public void a_shipment_value_that_is_not_a_number_is_refused_naming_the_property_and_the_value(string property, string value)
    {
        var result = Validate(Shipment(property, value));

        var failure = Assert.Single(result.Errors);
        Assert.Equal(property, failure.PropertyName);
        Assert.Equal(FtmValidationCode.InvalidNumber, failure.ErrorCode);
        Assert.Equal($"'{property}' value '{value}' is not a number; it is read as the shipment's value in US dollars (e.g. 1234.5 or 1,234.50)", failure.ErrorMessage);
    }

    [Fact]
    public void a_shipment_value_too_large_for_a_double_is_refused()
    {
        var result = Validate(Shipment("customsAmount", new string('9', 400)));

        Assert.Equal(FtmValidationCode.InvalidNumber, Assert.Single(result.Errors).ErrorCode);
    }

    [Theory]
    [InlineData("customsAmount", "1234.5", 1234.5)]
    [InlineData("customsAmount", "1,234.50", 1234.5)]
    [InlineData("invoiceAmount", "1,000,000", 1_000_000)]
    [InlineData("customsAmount", "42", 42)]
    [InlineData("customsAmount", "0", 0)]
    [InlineData("customsAmount", " 17.25 ", 17.25)]
    [InlineData("invoiceAmount", "-5", -5)]
    [InlineData("customsAmount", "12,345,678.9", 12_345_678.9)]
    public void a_shipment_value_in_the_forms_ftm_writes_passes_and_is_read_as_that_number(string property, string value, double expected)
    {
        var json = Shipment(property, value);

        var result = Validate(json);
        var shipment = FtmProjector.Project(FtmEntityParser.Parse(json).ToEntity()).Shipment;

        Assert.True(result.IsValid, string.Join("; ", FtmEntityValidator.Reasons(result)));
        Assert.Equal(expected, shipment?.ValueUsd);
    }

    [Theory]
    [InlineData("1e999")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("1e5")]
    [InlineData("north")]
    public void a_number_property_holding_no_finite_number_is_refused(string value)
    {
        var result = Validate($$$"""{"id":"a1","schema":"Address","properties":{"full":["Main St 1"],"latitude":["{{{value}}}"]}}""");

        var failure = Assert.Single(result.Errors);
        Assert.Equal("latitude", failure.PropertyName);
        Assert.Equal($"'latitude' value '{value}' is not a number", failure.ErrorMessage);
    }

    [Theory]
    [InlineData("42.6")]
    [InlineData("-74.25")]
    [InlineData("1,250")]
    public void a_number_property_in_the_forms_ftm_writes_passes(string value)
    {
        var result = Validate($$$"""{"id":"a1","schema":"Address","properties":{"full":["Main St 1"],"latitude":["{{{value}}}"]}}""");

        Assert.True(result.IsValid, string.Join("; ", FtmEntityValidator.Reasons(result)));
    }

    [Fact]
    public void a_measurement_may_carry_its_unit_as_ftm_numbers_do()
    {
        var result = Validate("""{"id":"r1","schema":"RealEstate","properties":{"name":["Plot 7"],"area":["1,200 sqm"]}}""");

        Assert.True(result.IsValid, string.Join("; ", FtmEntityValidator.Reasons(result)));
    }
}
