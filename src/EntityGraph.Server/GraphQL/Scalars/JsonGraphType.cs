using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using GraphQLParser.AST;

namespace EntityGraph.Server.GraphQL.Scalars;

/// <summary>
/// The <c>JSON</c> scalar: any JSON value. EntityGraph uses it for FollowTheMoney property maps
/// (<c>{ "name": ["Acme"], "country": ["kg"] }</c>) in and out.
/// </summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value; used for FollowTheMoney-style property maps such as { \"name\": [\"Acme\"], \"country\": [\"kg\"] }.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => (string)s.Value,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLIntValue i => BigInteger.Parse(i.Value, CultureInfo.InvariantCulture) is var n && n >= long.MinValue && n <= long.MaxValue ? (long)n : (double)n,
        GraphQLFloatValue f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        GraphQLEnumValue e => (string)e.Name.Value,
        GraphQLListValue l => l.Values?.Select(ParseLiteral).ToList() ?? [],
        GraphQLObjectValue o => o.Fields?.ToDictionary(f => (string)f.Name.Value, f => ParseLiteral(f.Value), StringComparer.Ordinal) ?? [],
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value;

    public override bool CanParseLiteral(GraphQLValue value) => value is not GraphQLVariable;

    public override bool CanParseValue(object? value) => true;
}
