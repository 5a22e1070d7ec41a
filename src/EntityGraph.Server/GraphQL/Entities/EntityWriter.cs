using System.Text.Json;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Server.GraphQL.Entities;

/// <summary>
/// Validates a batch of FtM entities sent through the API with the same validator the import uses,
/// and writes the valid ones as one run of the <see cref="Dataset"/> dataset; invalid entities are
/// reported as data, not as GraphQL errors.
/// </summary>
internal sealed class EntityWriter(IGraphStore store)
{
    /// <summary>
    /// The dataset of entities written through the API. Writing an id again replaces what the API
    /// said about it before, and leaves what imported datasets say.
    /// </summary>
    public const string Dataset = "api";

    public async Task<UpsertPayload> UpsertAsync(IReadOnlyList<SubmittedEntity> submitted, CancellationToken cancellationToken)
    {
        var errors = new List<EntityError>();
        var valid = new List<(int Index, FtmEntity Entity)>();
        for (var i = 0; i < submitted.Count; i++)
        {
            var input = FtmEntityParser.FromParts(submitted[i].Id, submitted[i].Schema, PropertiesJson(submitted[i].Properties));
            var result = FtmEntityValidator.Default.Judge(input);
            if (result.IsValid)
                valid.Add((i, input.ToEntity()));
            else
                errors.AddRange(result.Errors.Select(f => new EntityError(input.Id, i, f.PropertyName, f.ErrorMessage)));
        }

        var written = 0;
        if (valid.Count > 0)
        {
            var result = await store.UpsertAsync(valid.Select(v => v.Entity).ToList(), ImportRun.Start(Dataset), cancellationToken);
            written = result.Written;
            foreach (var rejection in result.Rejected)
                errors.Add(new EntityError(rejection.Id, valid[rejection.Index].Index, "schema", rejection.Reason));
        }

        var rejected = errors.Select(e => e.Index).Distinct().Count();
        return new UpsertPayload(written, rejected, errors.OrderBy(e => e.Index).ToList());
    }

    // The shared parser reads properties from JSON text, so that the API and the import refuse the same values in the same words.
    private static string? PropertiesJson(object? properties) =>
        properties is null ? null : JsonSerializer.Serialize(properties);
}
