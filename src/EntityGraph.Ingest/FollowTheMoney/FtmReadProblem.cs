namespace EntityGraph.Ingest.FollowTheMoney;

/// <summary>A problem with the shape of an entity's JSON, found while reading it (before validation proper).</summary>
/// <param name="Field"><c>entity</c> for the whole record, <c>id</c>, <c>schema</c>, <c>properties</c>, or a property name.</param>
/// <param name="Message">A sentence naming the value and what was expected.</param>
/// <param name="Code">One of <see cref="Validation.FtmValidationCode"/>.</param>
public sealed record FtmReadProblem(string Field, string Message, string Code);
