using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Errors;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Shipments;
using GraphQL;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>search</c> root field: parties by name, a page at a time.</summary>
internal static class SearchField
{
    public static void AddSearchField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<PartyConnectionGraphType>>("search")
            .Description("Parties whose names match the text, best match first; accents, case and word order do not matter.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "What to look for: a name or part of one.")
            .Argument<ListGraphType<NonNullGraphType<PartyKindGraphType>>>("kinds", "Only parties of these kinds.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("countries", "Only parties linked to one of these countries (ISO-3166 alpha-2).")
            .Argument<IntGraphType>("first", "Page size.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "Continue after this cursor (`pageInfo.endCursor` of the previous page).")
            .ResolveAsync(ResolveAsync);

    private static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var text = context.GetArgument<string>("text");
        if (string.IsNullOrWhiteSpace(text))
            throw GraphErrors.BadUserInput("text is empty; expected a name or part of one.");
        var countries = context.GetArgument<List<string>?>("countries")?.Select(c => c.Trim().ToLowerInvariant()).ToArray();
        var after = context.GetArgument<string?>("after");
        var query = new PartySearch(text, context.GetArgument<List<PartyKind>?>("kinds"), countries, ShipmentArguments.ReadFirst(context), after);
        try
        {
            return await context.Store().SearchAsync(query, context.CancellationToken);
        }
        catch (Exception e) when (after is not null && e is ArgumentException or FormatException)
        {
            throw GraphErrors.BadUserInput($"after: '{after}' is not a cursor of this search; pass `pageInfo.endCursor` of the previous page.");
        }
    }
}
