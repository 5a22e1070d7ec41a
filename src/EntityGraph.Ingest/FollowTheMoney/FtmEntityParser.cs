using System.Globalization;
using System.Text;
using System.Text.Json;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.FollowTheMoney;

/// <summary>
/// Reads one FtM entity from JSON with <see cref="Utf8JsonReader"/>: <c>id</c>, <c>schema</c>,
/// <c>properties</c> (a single string is taken as a one-element list), and <c>datasets</c>,
/// <c>first_seen</c>, <c>last_seen</c> when present. Other members (<c>caption</c>, <c>referents</c>,
/// <c>target</c>, …) are skipped. It never throws on bad input: what cannot be read is recorded in
/// <see cref="FtmEntityInput.Problems"/>.
/// </summary>
public static class FtmEntityParser
{
    /// <summary>Parses one JSON-lines record.</summary>
    public static FtmEntityInput Parse(ReadOnlySpan<byte> utf8Json)
    {
        var problems = new List<FtmReadProblem>(0);
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 16 });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var kind = Describe(reader.TokenType);
                reader.Skip();
                while (reader.Read())
                {
                    // Reading to the end makes trailing garbage surface as "not valid JSON".
                }

                return Unreadable(FtmValidationCode.NotAnObject, $"the record is {kind}, not a JSON object with id, schema and properties");
            }

            string? id = null, schema = null;
            Dictionary<string, IReadOnlyList<string>>? properties = null;
            IReadOnlyList<string> datasets = [];
            DateTimeOffset? firstSeen = null, lastSeen = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                    id = ReadTopString(ref reader, "id", problems);
                else if (reader.ValueTextEquals("schema"u8))
                    schema = ReadTopString(ref reader, "schema", problems);
                else if (reader.ValueTextEquals("properties"u8))
                    properties = ReadProperties(ref reader, problems);
                else if (reader.ValueTextEquals("datasets"u8))
                    datasets = ReadDatasets(ref reader);
                else if (reader.ValueTextEquals("first_seen"u8))
                    firstSeen = ReadTimestamp(ref reader, "first_seen", problems);
                else if (reader.ValueTextEquals("last_seen"u8))
                    lastSeen = ReadTimestamp(ref reader, "last_seen", problems);
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            while (reader.Read())
            {
                // Anything after the object is a syntax error, which the reader throws for.
            }

            return new FtmEntityInput
            {
                Id = id,
                Schema = schema,
                Properties = (IReadOnlyDictionary<string, IReadOnlyList<string>>?)properties ?? new Dictionary<string, IReadOnlyList<string>>(0, StringComparer.Ordinal),
                Datasets = datasets,
                FirstSeen = firstSeen,
                LastSeen = lastSeen,
                Problems = problems,
            };
        }
        catch (JsonException ex)
        {
            return Unreadable(
                FtmValidationCode.InvalidJson,
                string.Create(CultureInfo.InvariantCulture, $"the record is not valid JSON (syntax error at character {ex.BytePositionInLine + 1})"));
        }
    }

    /// <summary>Parses a JSON text.</summary>
    public static FtmEntityInput Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Builds an input from parts submitted separately, as the <c>upsertEntities</c> mutation receives
    /// them: the id and schema as strings, the properties as a JSON object text.
    /// </summary>
    public static FtmEntityInput FromParts(string? id, string? schema, string? propertiesJson)
    {
        var problems = new List<FtmReadProblem>(0);
        Dictionary<string, IReadOnlyList<string>>? properties = null;
        if (!string.IsNullOrWhiteSpace(propertiesJson))
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(propertiesJson), new JsonReaderOptions { MaxDepth = 16 });
            try
            {
                properties = ReadProperties(ref reader, problems);
                while (reader.Read())
                {
                    // Trailing content is a syntax error, which the reader throws for.
                }
            }
            catch (JsonException ex)
            {
                problems.Add(new FtmReadProblem(
                    "properties",
                    string.Create(CultureInfo.InvariantCulture, $"properties is not valid JSON (syntax error at character {ex.BytePositionInLine + 1})"),
                    FtmValidationCode.InvalidJson));
                properties = null;
            }
        }

        return new FtmEntityInput
        {
            Id = id,
            Schema = schema,
            Properties = (IReadOnlyDictionary<string, IReadOnlyList<string>>?)properties ?? new Dictionary<string, IReadOnlyList<string>>(0, StringComparer.Ordinal),
            Problems = problems,
        };
    }

    private static FtmEntityInput Unreadable(string code, string message) => new()
    {
        IsReadable = false,
        Problems = [new FtmReadProblem("entity", message, code)],
    };

    private static string? ReadTopString(ref Utf8JsonReader reader, string field, List<FtmReadProblem> problems)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        problems.Add(new FtmReadProblem(field, $"{field} is {Describe(reader.TokenType)}; expected a string", FtmValidationCode.WrongType));
        reader.Skip();
        return null;
    }

    /// <summary>Reads the value after the reader's position (a property name, or nothing yet for a bare document).</summary>
    private static Dictionary<string, IReadOnlyList<string>>? ReadProperties(ref Utf8JsonReader reader, List<FtmReadProblem> problems)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add(new FtmReadProblem(
                "properties",
                $"properties is {Describe(reader.TokenType)}; expected an object mapping property names to lists of strings",
                FtmValidationCode.WrongType));
            reader.Skip();
            return null;
        }

        var properties = new Dictionary<string, IReadOnlyList<string>>(8, StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                Add(properties, name, reader.GetString()!);
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                problems.Add(WrongValue(name, reader.TokenType));
                reader.Skip();
                continue;
            }

            var wrong = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    Add(properties, name, reader.GetString()!);
                }
                else
                {
                    if (!wrong)
                        problems.Add(WrongValue(name, reader.TokenType));
                    wrong = true;
                    reader.Skip();
                }
            }
        }

        return properties;
    }

    private static FtmReadProblem WrongValue(string property, JsonTokenType token) =>
        new(property, $"property '{property}' has {Describe(token)} as a value; expected a string or a list of strings", FtmValidationCode.WrongType);

    private static void Add(Dictionary<string, IReadOnlyList<string>> properties, string name, string value)
    {
        if (!properties.TryGetValue(name, out var existing))
        {
            properties[name] = new List<string>(1) { value };
            return;
        }

        var list = (List<string>)existing;
        if (!list.Contains(value))
            list.Add(value);
    }

    private static IReadOnlyList<string> ReadDatasets(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
            return [reader.GetString()!];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }

        var datasets = new List<string>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
                datasets.Add(reader.GetString()!);
            else
                reader.Skip();
        }

        return datasets;
    }

    private static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader, string field, List<FtmReadProblem> problems)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        // FtM writes first_seen/last_seen without an offset; they are UTC.
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return value;
        problems.Add(new FtmReadProblem(
            field,
            text is null ? $"{field} is {Describe(reader.TokenType)}; expected an ISO timestamp string" : $"{field} '{text}' is not an ISO timestamp",
            FtmValidationCode.InvalidTimestamp));
        reader.Skip();
        return null;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "empty",
    };
}
