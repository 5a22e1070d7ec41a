namespace EntityGraph.Core.Storage;

/// <summary>
/// An entity a store refused although it was valid on its own, e.g. because its schema cannot be
/// merged with the schema the same id already has (a <c>Person</c> fragment for a <c>Company</c>).
/// </summary>
/// <param name="Index">The entity's position in the batch.</param>
/// <param name="Id">The entity id.</param>
/// <param name="Reason">A sentence naming the problem.</param>
public sealed record EntityRejection(int Index, string Id, string Reason);
