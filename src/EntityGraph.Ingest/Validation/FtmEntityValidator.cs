using System.Globalization;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Ingest.FollowTheMoney;
using FluentValidation;
using FluentValidation.Results;

namespace EntityGraph.Ingest.Validation;

/// <summary>
/// Decides whether an FtM entity may enter the graph, and if not, says every reason at once. Each
/// failure is structured: <c>PropertyName</c> is <c>entity</c>, <c>id</c>, <c>schema</c>,
/// <c>properties</c> or the FtM property concerned; <c>ErrorMessage</c> names the value and what was
/// expected; <c>ErrorCode</c> is one of <see cref="FtmValidationCode"/>. Used by the import and by
/// the <c>upsertEntities</c> mutation, so both refuse the same things with the same words.
/// </summary>
public sealed class FtmEntityValidator : AbstractValidator<FtmEntityInput>
{
    /// <summary>The longest id accepted, in characters.</summary>
    public const int MaxIdLength = 1000;

    private const int MaxQuotedLength = 80;

    private readonly FtmSchemaCatalog _catalog;

    /// <summary>A validator over FtM's schema catalogue.</summary>
    public FtmEntityValidator()
        : this(FtmSchemaCatalog.Default)
    {
    }

    /// <summary>A validator over a given schema catalogue.</summary>
    public FtmEntityValidator(FtmSchemaCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        RuleFor(input => input).Custom((input, context) => Check(input, new Failures(context)));
    }

    /// <summary>A shared instance over FtM's catalogue; validators are stateless and thread-safe.</summary>
    public static FtmEntityValidator Default { get; } = new();

    /// <summary>
    /// Validates, as <c>Validate</c> does; an entity with no problem, the usual case in an import, is judged without
    /// building FluentValidation's context, and only one with a problem is judged again to say every reason.
    /// </summary>
    public ValidationResult Judge(FtmEntityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var failures = new Failures(null);
        Check(input, failures);
        return failures.Count == 0 ? new ValidationResult() : Validate(input);
    }

    /// <summary>The failures as one-line reasons, e.g. for a rejects file.</summary>
    public static IReadOnlyList<string> Reasons(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors.ConvertAll(failure => failure.ErrorMessage);
    }

    private void Check(FtmEntityInput input, Failures context)
    {
        for (var i = 0; i < input.Problems.Count; i++)
            Fail(context, input.Problems[i].Field, input.Problems[i].Message, input.Problems[i].Code, null);
        if (!input.IsReadable)
            return;

        CheckId(input, context);
        var schema = CheckSchema(input, context);
        if (schema is null)
            return;

        // Every entity of an import passes here: a dictionary is walked with its own enumerator, which is not boxed.
        if (input.Properties is Dictionary<string, IReadOnlyList<string>> dictionary)
        {
            foreach (var (name, values) in dictionary)
                CheckProperty(schema, name, values, context);
        }
        else
        {
            foreach (var (name, values) in input.Properties)
                CheckProperty(schema, name, values, context);
        }

        foreach (var required in schema.Required)
        {
            if (!input.Properties.TryGetValue(required, out var values) || values.Count == 0)
                Fail(context, required, $"{schema.Name} requires '{required}', which is missing", FtmValidationCode.MissingRequired, null);
            // An empty reference is already reported as such; empty text is the same as no value.
            else if (!schema.Properties[required].IsEntity && values.All(string.IsNullOrWhiteSpace))
                Fail(context, required, $"{schema.Name} requires '{required}', which is empty", FtmValidationCode.MissingRequired, null);
        }
    }

    private static void CheckProperty(FtmSchema schema, string name, IReadOnlyList<string> values, Failures context)
    {
        var property = schema.GetProperty(name);
        if (property is null)
        {
            Fail(context, name, $"{schema.Name} has no property '{Quote(name)}'", FtmValidationCode.UnknownProperty, name);
            return;
        }

        for (var i = 0; i < values.Count; i++)
            CheckValue(schema, property, values[i], context);
    }

    private static void CheckId(FtmEntityInput input, Failures context)
    {
        if (input.Problems.Any(p => p.Field == "id"))
            return;
        if (input.Id is null)
            Fail(context, "id", "id is missing; every entity needs a string id", FtmValidationCode.MissingId, null);
        else if (string.IsNullOrWhiteSpace(input.Id))
            Fail(context, "id", "id is empty; expected a non-empty string", FtmValidationCode.MissingId, input.Id);
        else if (input.Id.Length > MaxIdLength)
        {
            Fail(
                context,
                "id",
                string.Create(CultureInfo.InvariantCulture, $"id '{Quote(input.Id)}' is {input.Id.Length} characters long; at most {MaxIdLength} are allowed"),
                FtmValidationCode.IdTooLong,
                input.Id);
        }
    }

    private FtmSchema? CheckSchema(FtmEntityInput input, Failures context)
    {
        if (input.Problems.Any(p => p.Field == "schema"))
            return null;
        if (string.IsNullOrWhiteSpace(input.Schema))
        {
            Fail(context, "schema", "schema is missing; expected an FtM schema name such as Company, Person or Ownership", FtmValidationCode.MissingSchema, input.Schema);
            return null;
        }

        if (!_catalog.TryGet(input.Schema, out var schema))
        {
            var near = _catalog.All.FirstOrDefault(s => string.Equals(s.Name, input.Schema.Trim(), StringComparison.OrdinalIgnoreCase));
            var hint = near is null ? "" : $" (did you mean '{near.Name}'?)";
            Fail(context, "schema", $"schema '{Quote(input.Schema)}' names a schema FtM does not have{hint}", FtmValidationCode.UnknownSchema, input.Schema);
            return null;
        }

        if (schema.Abstract)
        {
            Fail(context, "schema", $"schema '{schema.Name}' is abstract in FtM; an entity needs a concrete schema", FtmValidationCode.AbstractSchema, input.Schema);
            return null;
        }

        return schema;
    }

    private static void CheckValue(FtmSchema schema, FtmProperty property, string value, Failures context)
    {
        var name = property.Name;
        switch (property.Type)
        {
            case FtmProperty.EntityType when string.IsNullOrWhiteSpace(value):
                Fail(context, name, $"'{name}' holds an empty reference; expected the id of a {property.Range}", FtmValidationCode.EmptyReference, value);
                break;
            case "date" when !PartialDate.TryParse(value, out _):
                Fail(context, name, $"'{name}' value '{Quote(value)}' is not an ISO date or date prefix (YYYY, YYYY-MM or YYYY-MM-DD)", FtmValidationCode.InvalidDate, value);
                break;
            case "country" when !Countries.IsKnown(value):
                Fail(context, name, $"'{name}' value '{Quote(value)}' is not a known country code (ISO-3166 alpha-2 as FtM writes it, e.g. 'de')", FtmValidationCode.InvalidCountry, value);
                break;
            case "number" when !FtmNumber.TryParse(value, allowUnit: true, out _):
                Fail(context, name, $"'{name}' value '{Quote(value)}' is not a number", FtmValidationCode.InvalidNumber, value);
                break;
        }

        if (FtmProjector.ShipmentValueProperties.Contains(name) && schema.IsA("EconomicActivity") && !FtmNumber.TryParse(value, out _))
            Fail(context, name, $"'{name}' value '{Quote(value)}' is not a number; it is read as the shipment's value in US dollars (e.g. 1234.5 or 1,234.50)", FtmValidationCode.InvalidNumber, value);

        if (name == "percentage" && schema.IsA("Ownership"))
        {
            OwnershipShare.Parse(value, out var error);
            if (error is not null)
                Fail(context, name, $"{schema.Name} {error}", FtmValidationCode.InvalidPercentage, value);
        }
    }

    private static void Fail(Failures failures, string field, string message, string code, object? value) => failures.Add(field, message, code, value);

    /// <summary>Where the checks report: FluentValidation's context, or only a count when none is given.</summary>
    private sealed class Failures(ValidationContext<FtmEntityInput>? context)
    {
        public int Count { get; private set; }

        public void Add(string field, string message, string code, object? value)
        {
            Count++;
            context?.AddFailure(new ValidationFailure(field, message, value) { ErrorCode = code });
        }
    }

    /// <summary>Shortens a value for a message, so that a megabyte of garbage does not become a megabyte of reason.</summary>
    private static string Quote(string value) =>
        value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength), "…");
}
