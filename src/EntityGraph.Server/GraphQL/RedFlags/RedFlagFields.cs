using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Ownership;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.RedFlags;

/// <summary>The <c>redFlags</c> field of the party types.</summary>
internal static class RedFlagFields
{
    public static void AddRedFlagsField(this ObjectGraphType<Party> type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RedFlagGraphType>>>>("redFlags")
            .Description("The red flags raised on the party on the day under the ownership rule, in the order of `RedFlagCode` (whose values' descriptions give each exact rule), each with a quotable sentence and its evidence. An empty list means no rule applies to the data held.")
            .WithExposureArguments()
            .WithComplexityImpact(AnalysisComplexity.RedFlags)
            .Resolve(c =>
            {
                var rule = c.GetArgument("rule", OwnershipRule.Ofac);
                var asOf = c.GetArgument<PartialDate?>("asOf") is { } date ? date.Latest : DateOnly.FromDateTime(DateTime.UtcNow);
                return c.RequestServices!.GetRequiredService<RedFlagLoader>().Load(c.Source.Id, rule, asOf);
            });
}
