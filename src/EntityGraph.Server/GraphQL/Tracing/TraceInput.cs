using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Model;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>TraceInput</c> a client sends, before it is checked and turned into a <see cref="TraceQuery"/>.</summary>
public sealed class TraceInput
{
    public string StartId { get; set; } = string.Empty;

    public TraceDirection Direction { get; set; } = TraceDirection.Downstream;

    public int MaxHops { get; set; } = 4;

    public bool TimeRespecting { get; set; } = true;

    public int MaxDwellDays { get; set; } = 365;

    public PartialDate? From { get; set; }

    public PartialDate? To { get; set; }

    public List<string>? HsPrefixes { get; set; }

    public List<ChplTier>? ChplTiers { get; set; }

    public double? MinValueUsd { get; set; }

    public List<string>? TargetCountries { get; set; }

    public OwnershipRule OwnershipRule { get; set; } = OwnershipRule.Ofac;

    public PartialDate? AsOf { get; set; }

    public int Limit { get; set; } = 50;
}
