using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Import;
using EntityGraph.Ingest.Import.Internal;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.Mapping;

/// <summary>What <see cref="MappingWriter"/> did.</summary>
/// <param name="Rows">Rows read, filtered ones included.</param>
/// <param name="Entities">Entities written, each id once.</param>
/// <param name="Rejected">Rows refused; each is in the rejects file.</param>
/// <param name="RejectsPath">The rejects file, or null when nothing was refused.</param>
/// <param name="Notes">What the rows did not make, per dataset.</param>
public sealed record MapSummary(long Rows, long Entities, long Rejected, string? RejectsPath, IReadOnlyList<string> Notes);

/// <summary>
/// Runs a mapping to FtM JSON lines, as <c>ftm map | ftm aggregate</c> does: the fragments the rows give one id are
/// merged into one entity, written in the order ids first appear. Merging holds every entity in memory until the
/// end; to load a large table into the database, import it instead, which streams.
/// </summary>
public static class MappingWriter
{
    /// <param name="mapping">The mapping to run.</param>
    /// <param name="dataset">The dataset name and id prefix instead of each of the mapping's own.</param>
    /// <param name="output">Where the FtM JSON lines go; left open.</param>
    /// <param name="rejectsPath">Where refused rows go, created only when one is.</param>
    /// <param name="sign">Sign ids with the dataset, as <c>ftm map</c> does by default.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<MapSummary> WriteAsync(FtmMapping mapping, string? dataset, Stream output, string rejectsPath, bool sign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(output);
        var merged = new Dictionary<string, FtmEntity>(StringComparer.Ordinal);
        var order = new List<string>();
        long rows = 0, rejected = 0;
        var notes = new List<string>();
        var sources = mapping.Datasets.Select(d => new MappingSource(d, mapping.Path, dataset, sign) { ForStore = false }).ToList();
        sources.ForEach(s => s.CheckTables());
        await using var rejects = new RejectsFile(rejectsPath);
        foreach (var (datasetMapping, source) in mapping.Datasets.Zip(sources))
        {
            foreach (var unit in source.Units(FtmEntityValidator.Default))
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows++;
                var refused = unit.Reasons.Count > 0 ? unit.Reasons : Merge(unit, merged, order);
                if (refused.Count == 0)
                    continue;
                rejected++;
                await rejects.WriteAsync([new RejectedLine(unit.Origin, null, refused)], cancellationToken);
            }

            rows += source.Filtered;
            notes.AddRange(source.NotMade.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{datasetMapping.Name}: not made, {p.Key}, rows: {p.Value:N0}"));
        }

        await using (var writer = new FtmLineWriter(output, leaveOpen: true))
        {
            foreach (var id in order)
                await writer.WriteAsync(merged[id], cancellationToken);
        }

        return new MapSummary(rows, order.Count, rejected, rejects.Created ? rejects.Path : null, notes);
    }

    /// <summary>Merges a row's entities into those made so far; the reasons, when one is of a schema that cannot merge.</summary>
    private static IReadOnlyList<string> Merge(ImportUnit unit, Dictionary<string, FtmEntity> merged, List<string> order)
    {
        // Checked first, against earlier rows and the row's own entities, so that a refused row changes nothing.
        var schemas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entity, mapped) in unit.Entities)
        {
            var earlier = schemas.TryGetValue(entity.Id, out var own) ? own : merged.GetValueOrDefault(entity.Id)?.Schema;
            if (earlier is null)
            {
                schemas[entity.Id] = entity.Schema;
                continue;
            }

            if (FtmFragments.MostSpecificSchema(earlier, entity.Schema) is not { } schema)
                return [$"entity '{mapped?.MappedAs}': id {entity.Id} is a {entity.Schema} here but a {earlier} elsewhere; neither schema is a kind of the other"];
            schemas[entity.Id] = schema;
        }

        foreach (var (entity, _) in unit.Entities)
        {
            if (merged.TryGetValue(entity.Id, out var earlier))
            {
                merged[entity.Id] = FtmEntity.Merge(earlier, entity, FtmFragments.MostSpecificSchema(earlier.Schema, entity.Schema)!);
                continue;
            }

            merged.Add(entity.Id, entity);
            order.Add(entity.Id);
        }

        return [];
    }
}
