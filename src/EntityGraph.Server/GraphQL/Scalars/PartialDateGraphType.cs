using EntityGraph.Core.Model;
using GraphQL.Types;
using GraphQLParser.AST;

namespace EntityGraph.Server.GraphQL.Scalars;

/// <summary>The <c>PartialDate</c> scalar: an ISO date or a prefix of one, keeping its precision.</summary>
public sealed class PartialDateGraphType : ScalarGraphType
{
    public PartialDateGraphType()
    {
        Name = "PartialDate";
        Description = "An ISO-8601 date or a prefix of one, as FollowTheMoney writes dates: \"2023\", \"2023-05\" or \"2023-05-17\". The precision is kept: \"2023\" means some day in 2023.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse((string)s.Value),
        _ => ThrowLiteralConversionError(value, "a partial date must be a string such as \"2023\", \"2023-05\" or \"2023-05-17\""),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s),
        PartialDate d => d,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        PartialDate d => d.ToString(),
        string s => Parse(s).ToString(),
        _ => ThrowSerializationError(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue || (value is GraphQLStringValue s && PartialDate.TryParse((string)s.Value, out _));

    public override bool CanParseValue(object? value) => value is null or PartialDate || (value is string s && PartialDate.TryParse(s, out _));

    private static PartialDate Parse(string text) => PartialDate.TryParse(text, out var date)
        ? date
        : throw new FormatException($"'{text}' is not a partial date: expected YYYY, YYYY-MM or YYYY-MM-DD.");
}
