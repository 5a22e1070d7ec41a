using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>The <c>beneficialOwners</c> root field: the natural persons behind a company, with their ownership chains.</summary>
internal static class BeneficialOwnersField
{
    public static void AddBeneficialOwnersField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BeneficialOwnerGraphType>>>>("beneficialOwners")
            .Description("The natural persons holding at least `threshold` percent of a company today, summed over ownership chains, largest first.")
            .Argument<NonNullGraphType<IdGraphType>>("companyId", "The FtM id of the company.")
            .Argument<FloatGraphType>("threshold", "The least effective stake to report, in percent.", a => a.DefaultValue = 25.0)
            .Argument<IntGraphType>("maxDepth", "How many ownership levels to follow.", a => a.DefaultValue = 10)
            .WithComplexityImpact(AnalysisComplexity.BeneficialOwners)
            .ResolveAsync(ResolveAsync);

    private static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var companyId = context.GetArgument<string>("companyId");
        var threshold = context.GetArgument("threshold", 25.0);
        var maxDepth = context.GetArgument("maxDepth", 10);
        if (maxDepth is < 1 or > 20)
            throw GraphErrors.BadUserInput($"maxDepth: {maxDepth} is out of range; expected 1 to 20.");
        var report = await new BeneficialOwnerReporter(context.Store()).ReportAsync(companyId, threshold, maxDepth, DateOnly.FromDateTime(DateTime.UtcNow), context.CancellationToken)
            ?? throw GraphErrors.NotFound($"companyId: no party has the id '{companyId}'.");
        return report.Owners.Select(o => BeneficialOwnerResult.From(o, report.Entities)).ToList();
    }
}
