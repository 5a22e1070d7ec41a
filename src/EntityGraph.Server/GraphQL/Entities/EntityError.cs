namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>Why one entity of a batch was refused.</summary>
/// <param name="Id">The entity id, when it had one.</param>
/// <param name="Index">The entity's position in the batch, from 0.</param>
/// <param name="Field">The property or field at fault, when one is.</param>
/// <param name="Message">A sentence naming the value and what was expected.</param>
public sealed record EntityError(string? Id, int Index, string? Field, string Message);
