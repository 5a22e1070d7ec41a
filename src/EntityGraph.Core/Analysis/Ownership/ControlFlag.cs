namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>A blocked party that controls the party under examination: a red flag, never a block.</summary>
/// <param name="ControllerId">The controller.</param>
/// <param name="ControlId">The id of the FtM Control link.</param>
/// <param name="ControlType">The kind of control as the source states it.</param>
public sealed record ControlFlag(string ControllerId, string ControlId, string? ControlType);
