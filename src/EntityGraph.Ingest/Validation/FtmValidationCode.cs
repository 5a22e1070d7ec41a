namespace EntityGraph.Ingest.Validation;

/// <summary>
/// Machine-readable codes of validation failures (<c>ValidationFailure.ErrorCode</c>), stable so that
/// clients of the import and of the <c>upsertEntities</c> mutation can branch on them.
/// </summary>
public static class FtmValidationCode
{
    public const string InvalidJson = "invalid_json";
    public const string NotAnObject = "not_an_object";
    public const string WrongType = "wrong_type";
    public const string MissingId = "missing_id";
    public const string IdTooLong = "id_too_long";
    public const string MissingSchema = "missing_schema";
    public const string UnknownSchema = "unknown_schema";
    public const string AbstractSchema = "abstract_schema";
    public const string UnknownProperty = "unknown_property";
    public const string MissingRequired = "missing_required";
    public const string EmptyReference = "empty_reference";
    public const string InvalidDate = "invalid_date";
    public const string InvalidCountry = "invalid_country";
    public const string InvalidPercentage = "invalid_percentage";
    public const string InvalidNumber = "invalid_number";
    public const string InvalidTimestamp = "invalid_timestamp";
}
