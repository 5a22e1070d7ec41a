namespace EntityGraph.Core.Analysis.RedFlags;

/// <summary>One red flag raised on a party, with a sentence an investigator can quote and the evidence behind it.</summary>
/// <param name="Code">Which red flag.</param>
/// <param name="Sentence">A sentence naming the parties, numbers and dates the flag rests on.</param>
/// <param name="Evidence">The ids of the evidence, by kind.</param>
public sealed record RedFlag(RedFlagCode Code, string Sentence, RedFlagEvidence Evidence)
{
    /// <summary>
    /// Whether the detector read only a bounded part of the data (shipments or address neighbours
    /// capped): counts in the sentence are then lower bounds ("at least").
    /// </summary>
    public bool Truncated { get; init; }
}
