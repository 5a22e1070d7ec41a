using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.Ownership;

/// <summary>The <c>OwnershipRule</c> enum.</summary>
public sealed class OwnershipRuleGraphType() : DescribedEnumGraphType(
    "OwnershipRule",
    "Which rule decides whether ownership by sanctioned parties blocks a party.",
    ("OFAC", OwnershipRule.Ofac, "OFAC 50% rule: blocked when directly sanctioned or when blocked owners together hold 50% or more; percentages add up, never multiply; control does not block."),
    ("EU", OwnershipRule.Eu, "EU rule (2024 guidance): \"50% or more\", aggregated across listed owners like OFAC; control by a listed party is reported as a red flag, not a block."));
