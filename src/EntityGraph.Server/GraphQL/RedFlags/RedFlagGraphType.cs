using EntityGraph.Core.Analysis.RedFlags;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.RedFlags;

/// <summary>The <c>RedFlag</c> type.</summary>
public sealed class RedFlagGraphType : ObjectGraphType<RedFlag>
{
    public RedFlagGraphType()
    {
        Name = "RedFlag";
        Description = "A red flag raised on a party on a day, with a sentence an investigator can quote and the evidence behind it.";
        Field<NonNullGraphType<RedFlagCodeGraphType>>("code").Description("Which red flag; stable, for filters and badges. The enum values' descriptions give each rule.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("sentence").Description("A sentence naming the parties, percentages, counts, values and dates the flag rests on.").Resolve(c => c.Source.Sentence);
        Field<NonNullGraphType<RedFlagEvidenceGraphType>>("evidence").Description("What the flag rests on, by kind.").Resolve(c => c.Source.Evidence);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("Whether only part of the data was read (at most 1,000 CHPL shipments per party and role, 500 registrations per address, or the ownership depth bound): counts in the sentence are then lower bounds (\"at least\").").Resolve(c => c.Source.Truncated);
    }
}
