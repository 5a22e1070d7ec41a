using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Validation;
using FluentValidation.Results;

namespace EntityGraph.Ingest.Tests.Validation;

public class FtmEntityValidatorTests
{
    private static ValidationResult Validate(string json) => FtmEntityValidator.Default.Validate(FtmEntityParser.Parse(json));

    private static ValidationFailure SingleFailure(string json)
    {
        var result = Validate(json);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void a_well_formed_company_passes()
    {
        var result = Validate("""{"id":"c1","schema":"Company","properties":{"name":["Acme"],"country":["de"],"incorporationDate":["2022-03"]}}""");

        Assert.True(result.IsValid, string.Join("; ", FtmEntityValidator.Reasons(result)));
    }

    [Fact]
    public void text_that_is_not_json_is_refused()
    {
        var failure = SingleFailure("this is not json");

        Assert.Equal("entity", failure.PropertyName);
        Assert.Equal(FtmValidationCode.InvalidJson, failure.ErrorCode);
        Assert.Contains("not valid JSON", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void json_that_is_not_an_object_is_refused_saying_what_it_is()
    {
        var failure = SingleFailure("""["c1","Company"]""");

        Assert.Equal(FtmValidationCode.NotAnObject, failure.ErrorCode);
        Assert.Contains("a list", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void a_missing_id_is_refused()
    {
        var failure = SingleFailure("""{"schema":"Company","properties":{"name":["Acme"]}}""");

        Assert.Equal("id", failure.PropertyName);
        Assert.Equal(FtmValidationCode.MissingId, failure.ErrorCode);
    }

    [Fact]
    public void an_empty_id_is_refused()
    {
        var failure = SingleFailure("""{"id":"  ","schema":"Company","properties":{"name":["Acme"]}}""");

        Assert.Equal("id", failure.PropertyName);
        Assert.Contains("empty", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void an_id_that_is_not_a_string_is_refused_saying_what_it_is()
    {
        var failure = SingleFailure("""{"id":42,"schema":"Company","properties":{"name":["Acme"]}}""");

        Assert.Equal("id", failure.PropertyName);
        Assert.Equal("id is a number; expected a string", failure.ErrorMessage);
    }

    [Fact]
    public void an_overlong_id_is_refused_with_its_length()
    {
        var id = new string('x', 1001);

        var failure = SingleFailure($$$"""{"id":"{{{id}}}","schema":"Company","properties":{"name":["Acme"]}}""");

        Assert.Equal(FtmValidationCode.IdTooLong, failure.ErrorCode);
        Assert.Contains("1001 characters", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void a_missing_schema_is_refused()
    {
        var failure = SingleFailure("""{"id":"c1","properties":{"name":["Acme"]}}""");

        Assert.Equal("schema", failure.PropertyName);
        Assert.Equal(FtmValidationCode.MissingSchema, failure.ErrorCode);
    }

    [Fact]
    public void a_schema_ftm_does_not_have_is_named()
    {
        var failure = SingleFailure("""{"id":"c1","schema":"company","properties":{"name":["Acme"]}}""");

        Assert.Equal("schema 'company' names a schema FtM does not have (did you mean 'Company'?)", failure.ErrorMessage);
    }

    [Fact]
    public void an_abstract_schema_is_refused()
    {
        var failure = SingleFailure("""{"id":"t1","schema":"Thing","properties":{"name":["Acme"]}}""");

        Assert.Equal(FtmValidationCode.AbstractSchema, failure.ErrorCode);
        Assert.Contains("'Thing' is abstract", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void properties_that_are_not_an_object_are_refused()
    {
        var failure = SingleFailure("""{"id":"c1","schema":"Address","properties":["full"]}""");

        Assert.Equal("properties", failure.PropertyName);
        Assert.Contains("properties is a list", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void a_property_the_schema_does_not_have_is_named_with_the_schema()
    {
        var failure = SingleFailure("""{"id":"c1","schema":"Company","properties":{"name":["Acme"],"birthDate":["1970"]}}""");

        Assert.Equal("birthDate", failure.PropertyName);
        Assert.Equal("Company has no property 'birthDate'", failure.ErrorMessage);
    }

    [Fact]
    public void an_ownership_without_an_asset_says_which_property_is_missing()
    {
        var failure = SingleFailure("""{"id":"o1","schema":"Ownership","properties":{"owner":["p1"]}}""");

        Assert.Equal("asset", failure.PropertyName);
        Assert.Equal("Ownership requires 'asset', which is missing", failure.ErrorMessage);
    }

    [Fact]
    public void an_empty_entity_reference_is_refused()
    {
        var failure = SingleFailure("""{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1",""]}}""");

        Assert.Equal("asset", failure.PropertyName);
        Assert.Equal(FtmValidationCode.EmptyReference, failure.ErrorCode);
        Assert.Contains("expected the id of a Asset", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void a_date_that_is_not_iso_is_named_with_its_value()
    {
        var failure = SingleFailure("""{"id":"c1","schema":"Company","properties":{"name":["Acme"],"incorporationDate":["24.02.2022"]}}""");

        Assert.Equal("incorporationDate", failure.PropertyName);
        Assert.Contains("'24.02.2022' is not an ISO date", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unknown_country_code_is_named_with_its_value()
    {
        var failure = SingleFailure("""{"id":"c1","schema":"Company","properties":{"name":["Acme"],"jurisdiction":["Russia"]}}""");

        Assert.Equal("jurisdiction", failure.PropertyName);
        Assert.Contains("'Russia' is not a known country code", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void an_ownership_percentage_above_a_hundred_is_refused()
    {
        var failure = SingleFailure("""{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"],"percentage":["150%"]}}""");

        Assert.Equal("percentage", failure.PropertyName);
        Assert.Contains("'150%' is outside 0–100", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void a_percentage_in_words_is_kept_as_text_not_refused()
    {
        var result = Validate("""{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"],"percentage":["majority"]}}""");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void a_number_property_that_is_not_a_number_is_named_with_its_value()
    {
        var failure = SingleFailure("""{"id":"a1","schema":"Address","properties":{"full":["Main St 1"],"latitude":["north"]}}""");

        Assert.Equal("latitude", failure.PropertyName);
        Assert.Equal("'latitude' value 'north' is not a number", failure.ErrorMessage);
    }

    [Fact]
    public void every_reason_of_a_line_is_reported_at_once()
    {
        var result = Validate("""{"id":"o1","schema":"Ownership","properties":{"asset":[""],"startDate":["soon"],"percentage":["-5"],"colour":["red"]}}""");

        Assert.Equal(
            ["asset", "colour", "owner", "percentage", "startDate"],
            result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void parts_submitted_through_the_mutation_are_judged_the_same_way()
    {
        var result = FtmEntityValidator.Default.Validate(FtmEntityParser.FromParts("o1", "Ownership", """{"owner":"p1"}"""));

        Assert.Equal("Ownership requires 'asset', which is missing", Assert.Single(result.Errors).ErrorMessage);
    }
}
