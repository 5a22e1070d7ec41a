namespace EntityGraph.Core.Analysis.Paths;

/// <summary>A node a path may step to from one node, with the parallel links that join them.</summary>
internal readonly record struct Step(int Head, ArraySegment<Edge> Edges);
