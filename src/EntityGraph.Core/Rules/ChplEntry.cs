using EntityGraph.Core.Model;

namespace EntityGraph.Core.Rules;

/// <summary>One HS-6 code of the Common High Priority List.</summary>
public sealed record ChplEntry(string Hs6, ChplTier Tier, string Description);
