using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>The <c>exposure</c> root field: the ownership-rule verdict on one party.</summary>
internal static class ExposureField
{
    public static void AddExposureField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ExposureGraphType>>("exposure")
            .Description("Whether a party is blocked under the OFAC or EU 50% rule on a day, with the owners, percentages and sanctions behind the verdict and a sentence to quote.")
            .Argument<NonNullGraphType<IdGraphType>>("partyId", "The FtM id of the party.")
            .WithExposureArguments()
            .WithComplexityImpact(AnalysisComplexity.Exposure)
            .Resolve(c => c.Exposure(c.GetArgument<string>("partyId")));
}
