namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>A spatial point: WGS-84 (SRID 4326, 4979) or Cartesian (7203, 9157).</summary>
/// <param name="Srid">The coordinate reference system.</param>
/// <param name="X">x, or longitude.</param>
/// <param name="Y">y, or latitude.</param>
/// <param name="Z">z, or height, for 3D points.</param>
public sealed record Neo4jPoint(int Srid, double X, double Y, double? Z = null);
