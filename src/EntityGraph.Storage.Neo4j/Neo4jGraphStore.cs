using System.Runtime.CompilerServices;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Search;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.Internal;
using EntityGraph.Storage.Neo4j.QueryApi;

namespace EntityGraph.Storage.Neo4j;

/// <summary>
/// The store on Neo4j, for a team server, a cluster or Aura. Each entity is a node keyed by its FtM id that
/// keeps its fragments (what each dataset says) and the merged entity as JSON, with typed copies of the
/// values Cypher and the indexes need; links are relationships read from the entities by the same Core
/// projection as every store. Each write is one explicit transaction of idempotent <c>UNWIND … MERGE</c>
/// statements, so that the client may run it again whole after a transient failure; reads are batched
/// over a set of ids. Every statement is a file of <c>cypher/queries/</c>.
/// </summary>
public sealed class Neo4jGraphStore : IGraphStore
{
    /// <summary>The schema version this build creates; <see cref="GetStatusAsync"/> reports a store initialized by another as not current.</summary>
    public const int SchemaVersion = 1;

    private const string MetadataId = "store";
    private const int PageSize = 5_000;
    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    private readonly IQueryRunner _runner;
    private readonly IDisposable? _ownedRunner;
    private readonly string _description;
    private readonly IndexWait _indexWait;
    private EntityCount? _entityCount;

    /// <summary>A store that runs its statements through <paramref name="runner"/>, which the caller owns.</summary>
    /// <param name="runner">The Query API client, or any runner with its semantics.</param>
    /// <param name="options">Where the server is, for the status description (no credentials are shown).</param>
    public Neo4jGraphStore(IQueryRunner runner, Neo4jStoreOptions? options = null)
        : this(runner, options, ownsRunner: false)
    {
    }

    private Neo4jGraphStore(IQueryRunner runner, Neo4jStoreOptions? options, bool ownsRunner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _ownedRunner = ownsRunner ? runner as IDisposable : null;
        _description = options?.Uri is { } uri
            ? $"neo4j {new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.GetLeftPart(UriPartial.Authority)} database {options.Database}"
            : "neo4j";
        var defaults = options ?? new Neo4jStoreOptions();
        _indexWait = new IndexWait(runner, defaults.IndexWait, defaults.IndexPollInterval, TimeProvider.System);
    }

    /// <summary>A store over the server in <paramref name="options"/>, with a Query API client of its own that it disposes.</summary>
    public static Neo4jGraphStore Open(Neo4jStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Neo4jGraphStore(new QueryApiClient(options), options, ownsRunner: true);
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // A schema command may not share a transaction with data writes: each runs in its own.
        foreach (var statement in CypherStatements.Schema())
            await _runner.WriteAsync((tx, ct) => tx.RunAsync(statement, NoParameters, ct), cancellationToken);
        // So that the first search after start-up finds what is written; the schema version is recorded once they are online.
        await _indexWait.UntilOnlineAsync(cancellationToken);
        await _runner.WriteAsync(
            (tx, ct) => tx.RunAsync(CypherStatements.Query(Queries.SetSchemaVersion), new Dictionary<string, object?> { ["id"] = MetadataId, ["schemaVersion"] = (long)SchemaVersion }, ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        QueryResult result;
        try
        {
            result = await _runner.ReadAsync(CypherStatements.Query(Queries.StoreStatus), Metadata(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new StoreStatus(false, false, _description, 0, $"Neo4j did not answer: {ex.Message}");
        }

        var row = result.Values.Count > 0 ? result.Values[0] : null;
        var version = row is null ? (long?)null : Values.Number(row[result.Fields.ToList().IndexOf("schemaVersion")]) is { } v ? (long)v : null;
        var entities = row is null ? 0 : await CountEntitiesAsync(Values.Integer(row[result.Fields.ToList().IndexOf("dataVersion")]), cancellationToken);
        if (version != SchemaVersion)
        {
            var detail = version is null
                ? "The database has not been initialized for EntityGraph; initializing the store creates its constraints and indexes."
                : version > SchemaVersion
                    ? $"The database has schema version {version}, newer than the {SchemaVersion} this build knows; upgrade EntityGraph."
                    : $"The database has schema version {version}; this build needs {SchemaVersion}. Initializing the store migrates it.";
            return new StoreStatus(true, false, _description, entities, detail);
        }

        return new StoreStatus(true, true, _description, entities);
    }

    /// <summary>
    /// Neo4j keeps its indexes up to date transaction by transaction at a cost that does not grow with the
    /// database, and dropping the full-text index would leave searches failing meanwhile: nothing to set aside.
    /// </summary>
    public Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingToFinish.Instance);

    /// <inheritdoc />
    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<FtmEntity> entities, ImportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(run);
        if (entities.Count == 0)
            return UpsertResult.Empty;
        var batch = FragmentBatch.Merge(entities);
        var ids = batch.Ids.ToArray();
        // Everything below runs again, whole, if the transaction is retried: it reads what it replaces inside the transaction.
        return await _runner.WriteAsync(
            async (tx, ct) =>
            {
                await LockWritesAsync(tx, ct);
                var stored = await ReadFragmentsAsync(tx, ids, ct);
                var (writes, result) = batch.Resolve(run, id => stored.GetValueOrDefault(id));
                if (writes.Count == 0)
                    return result;
                var plan = WritePlan.For(writes, run);
                await WriteAsync(tx, plan, ct);
                return result;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await _runner.WriteAsync(
            async (tx, ct) =>
            {
                await LockWritesAsync(tx, ct);
                var stored = await ReadFragmentsAsync(tx, [id], ct);
                if (!stored.TryGetValue(id, out var fragments))
                    return false;
                var previous = FtmProjector.Project(FtmFragments.Merge(fragments.Select(f => f.Fragment).ToList()), includeSearchText: false).Links;
                if (previous.Count > 0)
                    await tx.RunAsync(CypherStatements.Query(Queries.DeleteLinks), new Dictionary<string, object?> { ["links"] = previous.Select(l => EntityRows.LinkKey(l, id)).ToList() }, ct);
                await tx.RunAsync(CypherStatements.Query(Queries.ClearEntity), new Dictionary<string, object?> { ["id"] = id }, ct);
                var ends = previous.SelectMany(l => new[] { l.SourceId, l.TargetId }).Append(id).Distinct(StringComparer.Ordinal).ToList();
                await tx.RunAsync(CypherStatements.Query(Queries.DeletePlaceholders), new Dictionary<string, object?> { ["ids"] = ends }, ct);
                await tx.RunAsync(CypherStatements.Query(Queries.BumpDataVersion), Metadata(), ct);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FtmEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return await ReadEntitiesAsync(ids, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ProjectAsync(ids, p => p.Party, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Shipment>> GetShipmentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ProjectAsync(ids, p => p.Shipment, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Sanction>> GetSanctionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ProjectAsync(ids, p => p.Sanction, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Address>> GetAddressesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ProjectAsync(ids, p => p.Address, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Link>> GetLinksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return [];
        // A link id is its carrying entity's id, or starts with it and a colon: read every such entity and project its links.
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var carriers = ids.SelectMany(FtmProjector.CarrierCandidates).Distinct(StringComparer.Ordinal).ToArray();
        var entities = await ReadEntitiesAsync(carriers, cancellationToken);
        return entities
            .SelectMany(e => FtmProjector.Project(e, includeSearchText: false).Links.Select(l => (Link: l, Entity: e.Id)))
            .Where(l => wanted.Contains(l.Link.Id))
            .OrderBy(l => l.Link.Id, StringComparer.Ordinal).ThenBy(l => l.Entity, StringComparer.Ordinal)
            .Select(l => l.Link)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken)
    {
        var offset = SearchCursor.Offset(query);

        var tokens = SearchText.Tokens(query.Text);
        if (tokens.Count == 0)
            return new SearchPage([], false, null, 0);

        // An exact name ranks first: the few parties whose names may be exactly the query are confirmed here, by
        // the same Core code that made their search tokens, and the ranking statement gives those a bonus.
        var candidates = await _runner.ReadAsync(CypherStatements.Query(Queries.SearchExactNames), SearchParameters.ExactNames(tokens), cancellationToken);
        var exactNames = candidates.Values.Count == 0
            ? []
            : candidates.Column("id").Zip(candidates.Column("name"))
                .Where(c => SearchParameters.IsExactName(Values.Text(c.Second), tokens))
                .Select(c => Values.RequiredText(c.First, "id"))
                .ToList();
        var result = await _runner.ReadAsync(CypherStatements.Query(Queries.SearchParties), SearchParameters.For(query, tokens, offset, exactNames), cancellationToken);
        if (result.Values.Count == 0)
            return new SearchPage([], false, query.After, 0);
        var row = result.Values[0];
        var total = (int)Values.Integer(row[result.Fields.ToList().IndexOf("total")]);
        var page = Values.List(row[result.Fields.ToList().IndexOf("page")]).Select(Values.Map).ToList();
        var hasNext = page.Count > query.First;
        var hits = new List<SearchHit>(query.First);
        for (var i = 0; i < page.Count && i < query.First; i++)
        {
            var entity = EntityDocuments.ReadEntity(Values.RequiredText(page[i]["entity"], "entity"));
            if (FtmProjector.Project(entity, includeSearchText: false).Party is { } party)
                hits.Add(new SearchHit(party, SearchCursor.After(offset + i + 1), Values.Number(page[i]["score"]) ?? 0));
        }

        return new SearchPage(hits, hasNext, hits.Count > 0 ? hits[^1].Cursor : query.After, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Link>> ExpandAsync(LinkExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.NodeIds.Count == 0 || expansion.Limit <= 0)
            return [];
        var parameters = new Dictionary<string, object?>
        {
            ["ids"] = expansion.NodeIds.Distinct(StringComparer.Ordinal).ToList(),
            ["types"] = (expansion.Kinds ?? []).Select(GraphModel.RelationshipType).Distinct(StringComparer.Ordinal).ToList(),
            ["activeFrom"] = Values.Day(expansion.ActiveFrom),
            ["activeTo"] = Values.Day(expansion.ActiveTo),
            ["limit"] = (long)expansion.Limit,
        };
        var result = await _runner.ReadAsync(CypherStatements.Query(Queries.ExpandLinks(expansion.Direction)), parameters, cancellationToken);
        var rows = LinkRows.Read(result);

        // Links read from a reference property carry nothing the relationship does not hold; links read from
        // interval entities (ownership, directorships, …) carry the entity's values, so those are projected.
        var intervals = rows.Where(r => r.Link is null).Select(r => r.Entity).Distinct(StringComparer.Ordinal).ToArray();
        var projected = new Dictionary<(string, string), Link>();
        foreach (var entity in await ReadEntitiesAsync(intervals, cancellationToken))
        {
            foreach (var link in FtmProjector.Project(entity, includeSearchText: false).Links)
                projected.TryAdd((link.Id, entity.Id), link);
        }

        return rows.Select(r => r.Link ?? projected.GetValueOrDefault((r.Id, r.Entity))).OfType<Link>().ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Shipment>> ExpandShipmentsAsync(ShipmentExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.PartyIds.Count == 0 || expansion.Limit <= 0)
            return [];
        var result = await _runner.ReadAsync(CypherStatements.Query(Queries.ExpandShipments(expansion.Role)), ShipmentParameters.For(expansion), cancellationToken);
        return Column(result, "entity").Select(e => ProjectShipment(Values.RequiredText(e, "entity"))).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Trade>> ExpandTradesAsync(ShipmentExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.PartyIds.Count == 0 || expansion.Limit <= 0)
            return [];
        var result = await _runner.ReadAsync(CypherStatements.Query(Queries.ExpandTrades(expansion.Role)), ShipmentParameters.For(expansion), cancellationToken);
        return TradeRows.Read(result);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Trade> StreamTradesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = string.Empty;
        while (true)
        {
            var parameters = new Dictionary<string, object?> { ["after"] = after, ["limit"] = (long)PageSize };
            var trades = TradeRows.Read(await _runner.ReadAsync(CypherStatements.Query(Queries.StreamTrades), parameters, cancellationToken));
            foreach (var trade in trades)
                yield return trade;
            if (trades.Count < PageSize)
                yield break;
            after = trades[^1].ShipmentId;
        }
    }

    /// <inheritdoc />
    public async Task<long> GetDataVersionAsync(CancellationToken cancellationToken)
    {
        var result = await _runner.ReadAsync(CypherStatements.Query(Queries.DataVersion), Metadata(), cancellationToken);
        return Values.Integer(Column(result, "dataVersion").FirstOrDefault());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, ShipmentPage>> GetShipmentPagesAsync(ShipmentPageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.First, nameof(query.First));
        var after = query.After is { } cursor ? ShipmentPosition.Decode(cursor, nameof(query.After)) : null;
        var partyIds = query.PartyIds.Distinct(StringComparer.Ordinal).ToArray();
        var parameters = ShipmentParameters.For(partyIds, query.Filter ?? ShipmentFilter.None, query.First + 1);
        parameters["after"] = after?.ToParameter();

        var result = await _runner.ReadAsync(CypherStatements.Query(Queries.ShipmentPages(query.Role)), parameters, cancellationToken);
        var pages = partyIds.ToDictionary(id => id, _ => new ShipmentPage([], false, query.After, 0), StringComparer.Ordinal);
        var fields = result.Fields.ToList();
        foreach (var row in result.Values)
        {
            var party = Values.RequiredText(row[fields.IndexOf("party")], "party");
            var total = (int)Values.Integer(row[fields.IndexOf("total")]);
            var shipments = Values.List(row[fields.IndexOf("entities")]).Select(e => ProjectShipment(Values.RequiredText(e, "entity"))).ToList();
            var hasNext = shipments.Count > query.First;
            if (hasNext)
                shipments.RemoveAt(shipments.Count - 1);
            var end = shipments.Count > 0 ? ShipmentPosition.Of(shipments[^1]).Encode() : query.After;
            pages[party] = new ShipmentPage(shipments, hasNext, end, total);
        }

        return pages;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TradeFlowBucket>> AggregateShipmentsAsync(TradeFlowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statement = ShipmentParameters.IsDated(query) ? Queries.AggregateDatedShipments : Queries.AggregateShipments;
        var result = await _runner.ReadAsync(CypherStatements.Query(statement), ShipmentParameters.For(query), cancellationToken);
        return TradeFlowRows.Read(result);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FtmEntity> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = string.Empty;
        while (true)
        {
            var parameters = new Dictionary<string, object?> { ["after"] = after, ["limit"] = (long)PageSize };
            var result = await _runner.ReadAsync(CypherStatements.Query(Queries.ExportEntities), parameters, cancellationToken);
            var entities = Column(result, "entity").Select(e => EntityDocuments.ReadEntity(Values.RequiredText(e, "entity"))).ToList();
            foreach (var entity in entities)
                yield return entity;
            if (entities.Count < PageSize)
                yield break;
            after = Values.RequiredText(Column(result, "id").Last(), "id");
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportFragmentsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = string.Empty;
        while (true)
        {
            var parameters = new Dictionary<string, object?> { ["after"] = after, ["limit"] = (long)PageSize };
            var result = await _runner.ReadAsync(CypherStatements.Query(Queries.ExportFragments), parameters, cancellationToken);
            var entities = Column(result, "entity").ToList();
            var fragments = Column(result, "fragments").ToList();
            for (var i = 0; i < entities.Count; i++)
            {
                var stored = Values.Text(fragments[i]) is { } json ? EntityDocuments.ReadFragments(json) : [];
                if (stored.Count == 0)
                    stored.Add(new StoredFragment(EntityDocuments.ReadEntity(Values.RequiredText(entities[i], "entity")), string.Empty));
                stored.Sort((a, b) => string.CompareOrdinal(a.Dataset, b.Dataset));
                yield return stored;
            }

            if (entities.Count < PageSize)
                yield break;
            after = Values.RequiredText(Column(result, "id").Last(), "id");
        }
    }

    /// <summary>Deletes every node and relationship of the database: for tests that each need an empty store.</summary>
    internal Task DeleteEverythingAsync(CancellationToken cancellationToken) =>
        _runner.WriteAsync((tx, ct) => tx.RunAsync(CypherStatements.Query(Queries.DeleteEverything), NoParameters, ct), cancellationToken);

    /// <summary>Disposes the Query API client when the store created it.</summary>
    public ValueTask DisposeAsync()
    {
        _ownedRunner?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The entities held at <paramref name="dataVersion"/>. Counting reads every entity, so the count is kept
    /// until a write moves the data version: a readiness probe of an unchanged store reads one node.
    /// </summary>
    private async Task<long> CountEntitiesAsync(long dataVersion, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _entityCount) is { } known && known.DataVersion == dataVersion)
            return known.Entities;
        var result = await _runner.ReadAsync(CypherStatements.Query(Queries.CountEntities), NoParameters, cancellationToken);
        var entities = Values.Integer(Column(result, "entities").FirstOrDefault());
        Volatile.Write(ref _entityCount, new EntityCount(dataVersion, entities));
        return entities;
    }

    /// <summary>The values of a field; a result without rows may come without fields too.</summary>
    private static IEnumerable<object?> Column(QueryResult result, string field) => result.Values.Count == 0 ? [] : result.Column(field);

    private static Dictionary<string, object?> Metadata() => new() { ["id"] = MetadataId };

    /// <summary>Makes the write transactions that read what they replace run one after the other; see <c>lock-writes</c>.</summary>
    private static Task LockWritesAsync(IQueryTransaction tx, CancellationToken cancellationToken) =>
        tx.RunAsync(CypherStatements.Query(Queries.LockWrites), Metadata(), cancellationToken);

    private static async Task<Dictionary<string, List<StoredFragment>>> ReadFragmentsAsync(IQueryTransaction tx, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var result = await tx.RunAsync(CypherStatements.Query(Queries.ReadFragments), new Dictionary<string, object?> { ["ids"] = ids.ToList() }, cancellationToken);
        var fields = result.Fields.ToList();
        var stored = new Dictionary<string, List<StoredFragment>>(StringComparer.Ordinal);
        foreach (var row in result.Values)
        {
            var fragments = EntityDocuments.ReadFragments(Values.RequiredText(row[fields.IndexOf("fragments")], "fragments"));
            fragments.Sort((a, b) => string.CompareOrdinal(a.Dataset, b.Dataset));
            if (fragments.Count > 0)
                stored[Values.RequiredText(row[fields.IndexOf("id")], "id")] = fragments;
        }

        return stored;
    }

    /// <summary>Replaces the previous links of rewritten entities, writes the nodes and their links, and moves the data version.</summary>
    private static async Task WriteAsync(IQueryTransaction tx, WritePlan plan, CancellationToken cancellationToken)
    {
        if (plan.PreviousLinks.Count > 0)
            await tx.RunAsync(CypherStatements.Query(Queries.DeleteLinks), new Dictionary<string, object?> { ["links"] = plan.PreviousLinks }, cancellationToken);
        await tx.RunAsync(CypherStatements.Query(Queries.UpsertEntities), new Dictionary<string, object?> { ["rows"] = plan.Nodes }, cancellationToken);
        foreach (var (kind, rows) in plan.Links)
            await tx.RunAsync(CypherStatements.Query(Queries.MergeLinks(kind)), new Dictionary<string, object?> { ["rows"] = rows }, cancellationToken);
        if (plan.FormerEnds.Count > 0)
            await tx.RunAsync(CypherStatements.Query(Queries.DeletePlaceholders), new Dictionary<string, object?> { ["ids"] = plan.FormerEnds }, cancellationToken);
        await tx.RunAsync(CypherStatements.Query(Queries.BumpDataVersion), Metadata(), cancellationToken);
    }

    private async Task<List<FtmEntity>> ReadEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return [];
        var parameters = new Dictionary<string, object?> { ["ids"] = ids.Distinct(StringComparer.Ordinal).ToList() };
        var result = await _runner.ReadAsync(CypherStatements.Query(Queries.ReadEntities), parameters, cancellationToken);
        return Column(result, "entity")
            .Select(e => EntityDocuments.ReadEntity(Values.RequiredText(e, "entity")))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<IReadOnlyList<T>> ProjectAsync<T>(IReadOnlyCollection<string> ids, Func<GraphProjection, T?> select, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        var entities = await ReadEntitiesAsync(ids, cancellationToken);
        return entities.Select(e => select(FtmProjector.Project(e, includeSearchText: false))).OfType<T>().ToList();
    }

    private static Shipment ProjectShipment(string entityJson) =>
        FtmProjector.Project(EntityDocuments.ReadEntity(entityJson), includeSearchText: false).Shipment
        ?? throw new InvalidOperationException("A Shipment node holds an entity that is not a shipment.");

    private sealed record EntityCount(long DataVersion, long Entities);

    private sealed class NothingToFinish : IAsyncDisposable
    {
        public static readonly NothingToFinish Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
