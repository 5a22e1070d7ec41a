using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Scalars;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>The <c>rule</c> and <c>asOf</c> arguments every exposure field takes, and the verdict they ask for.</summary>
internal static class ExposureArguments
{
    public static FieldBuilder<TSource, object> WithExposureArguments<TSource>(this FieldBuilder<TSource, object> field) =>
        field.Argument<OwnershipRuleGraphType>("rule", "The rule to apply.", a => a.DefaultValue = OwnershipRule.Ofac)
            .Argument<PartialDateGraphType>("asOf", "The day to judge; a partial date means its last day. Today (UTC) when absent.");

    /// <summary>The verdict for the party under the field's arguments, batched with the other parties of the level; NOT_FOUND when the store does not hold it.</summary>
    public static IDataLoaderResult<Exposure> Exposure(this IResolveFieldContext context, string partyId)
    {
        var rule = context.GetArgument("rule", OwnershipRule.Ofac);
        var asOf = context.GetArgument<PartialDate?>("asOf") is { } date ? date.Latest : DateOnly.FromDateTime(DateTime.UtcNow);
        return new MappedResult<Exposure?, Exposure>(
            context.Loaders().Exposure(partyId, rule, asOf),
            exposure => exposure ?? throw GraphErrors.NotFound($"partyId: no party has the id '{partyId}'."));
    }
}
