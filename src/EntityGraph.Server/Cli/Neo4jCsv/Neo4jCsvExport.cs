using System.Globalization;
using System.Text;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Storage.Neo4j;
using EntityGraph.Storage.Neo4j.Internal;

namespace EntityGraph.Server.Cli.Neo4jCsv;

/// <summary>
/// Writes the graph as <c>neo4j-admin database import full</c> input: one node file per label group
/// (parties, addresses, shipments, sanctions, interval entities, other entities) and one relationship
/// file per type, with typed headers, plus the exact command (<c>import.sh</c>) and what it does
/// (<c>IMPORT.md</c>). Nodes and relationships are the Core projection of each entity, the same as the
/// stores write; labels, types and property keys are those of <see cref="GraphModel"/>.
/// </summary>
internal sealed class Neo4jCsvExport : IAsyncDisposable
{
    public const string ScriptFile = "import.sh";
    public const string GuideFile = "IMPORT.md";

    private readonly string _directory;
    private readonly string _arrayDelimiter;
    private readonly Dictionary<string, Neo4jCsvFile> _files = new(StringComparer.Ordinal);
    private readonly MemoryStream _json = new();
    private readonly FtmLineWriter _jsonWriter;

    public Neo4jCsvExport(string directory, char arrayDelimiter)
    {
        _directory = directory;
        _arrayDelimiter = arrayDelimiter.ToString();
        _jsonWriter = new FtmLineWriter(_json, leaveOpen: true);
    }

    public long Entities { get; private set; }

    public long Nodes => _files.Values.Where(f => f.IsNodes).Sum(f => f.Rows);

    public long Relationships => _files.Values.Where(f => !f.IsNodes).Sum(f => f.Rows);

    /// <summary>The files written so far, by name, with their row counts.</summary>
    public IReadOnlyDictionary<string, long> Files => _files.ToDictionary(f => f.Key, f => f.Value.Rows, StringComparer.Ordinal);

    /// <summary>The node or relationship files written, by name.</summary>
    private IEnumerable<Neo4jCsvFile> Written(bool nodes) => _files.Values.Where(f => f.IsNodes == nodes).OrderBy(f => f.Name, StringComparer.Ordinal);

    /// <summary>Writes one entity, given as the fragments the store holds for it in dataset order, and its links.</summary>
    public async Task WriteAsync(IReadOnlyList<StoredFragment> fragments, CancellationToken cancellationToken)
    {
        var entity = FtmFragments.Merge(fragments);
        var projection = FtmProjector.Project(entity);
        var row = new NodeRow(entity, projection, await EntityJsonAsync(entity, cancellationToken), EntityDocuments.Fragments(fragments.Select(f => (f.Fragment, f.RunId))));
        var group = NodeGroups.First(g => g.Holds(row));
        await FileFor(group.File, group.Columns, isNodes: true).WriteAsync(group.Columns, row, entity.Id, _arrayDelimiter, cancellationToken);
        foreach (var link in projection.Links)
        {
            var type = GraphModel.RelationshipType(link.Kind);
            await FileFor($"relationships-{type.ToLowerInvariant().Replace('_', '-')}.csv", RelationshipColumns, isNodes: false)
                .WriteAsync(RelationshipColumns, link, link.Id, _arrayDelimiter, cancellationToken);
        }

        Entities++;
    }

    /// <summary>Closes the CSV files and writes <c>import.sh</c> and <c>IMPORT.md</c> for them.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        foreach (var file in _files.Values)
            await file.DisposeAsync();
        var script = Path.Combine(_directory, ScriptFile);
        await File.WriteAllTextAsync(script, Script(), cancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(Path.Combine(_directory, GuideFile), Guide(), cancellationToken);
    }

    /// <summary>The <c>neo4j-admin database import full</c> command for the files written, one option a line.</summary>
    public string Command(string database = "neo4j")
    {
        var lines = new List<string> { "neo4j-admin database import full" };
        lines.AddRange(Written(nodes: true).Select(f => $"--nodes={f.Name}"));
        lines.AddRange(Written(nodes: false).Select(f => $"--relationships={f.Name}"));
        lines.Add("--delimiter=','");
        lines.Add($"--array-delimiter={ShellQuote(ArrayDelimiterOption(_arrayDelimiter[0]))}");
        lines.Add("--quote='\"'");
        lines.Add("--multiline-fields=true");
        // A reference to an entity no dataset carried has no node to attach to; neo4j-admin lists those in its report.
        lines.Add("--skip-bad-relationships=true");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"--bad-tolerance={Math.Max(Relationships, 1)}"));
        lines.Add("--overwrite-destination=true");
        lines.Add(database);
        return string.Join(" \\\n  ", lines);
    }

    /// <summary>How neo4j-admin is told the array delimiter: the character, or <c>U+XXXX</c> for one that is not printable.</summary>
    public static string ArrayDelimiterOption(char delimiter) =>
        char.IsControl(delimiter) || char.IsWhiteSpace(delimiter)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)delimiter:X4}")
            : delimiter.ToString();

    private string Script() =>
        $$"""
        #!/bin/sh
        # Imports the CSV files beside this script into a Neo4j database (Neo4j 5.26 or later) with neo4j-admin.
        # Run it where neo4j-admin runs, with the database stopped; it REPLACES the database's contents.
        # Usage: ./import.sh [DATABASE]   (default: neo4j)
        set -eu
        cd "$(dirname "$0")"
        {{Command("\"${1:-neo4j}\"")}}
        """ + "\n";

    private string Guide()
    {
        var inv = CultureInfo.InvariantCulture;
        var files = string.Join("\n", _files.Values.OrderBy(f => f.IsNodes ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => string.Create(inv, $"| `{f.Name}` | {(f.IsNodes ? "nodes" : "relationships")} | {f.Rows:N0} |")));
        var delimiter = ArrayDelimiterOption(_arrayDelimiter[0]);
        return $$"""
            # Importing this export into Neo4j

            EntityGraph wrote {{Entities.ToString("N0", inv)}} entities as {{Nodes.ToString("N0", inv)}} nodes and {{Relationships.ToString("N0", inv)}} relationships.

            | file | holds | rows |
            |---|---|---|
            {{files}}

            ## The command

            Stop the database (or import into one that does not exist yet), then run `./import.sh [DATABASE]` where
            `neo4j-admin` runs, or this command from this directory. It **replaces** the database's contents.

            ```sh
            {{Command()}}
            ```

            In the official Docker image, mount this directory (e.g. at `/import`) and run the command with
            `docker compose run --rm -v "$PWD:/import" -w /import neo4j ./import.sh`, with the `neo4j` service stopped.
            If the database did not exist before, create it afterwards with `CREATE DATABASE name`. Start EntityGraph
            on it (`ENTITYGRAPH_STORE=neo4j`): it creates the constraints and indexes at start.

            ## What the files hold

            - Every node has the label `Entity` and the id of its FollowTheMoney entity (`id:ID`); parties also `Party`
              and `Company`, `Organization`, `Person` or `LegalEntity`; then `Address`, `Shipment`, `Sanction`, or
              `Interval` for ownerships, directorships and the other entities that are read as relationships.
            - `entity` is the merged FollowTheMoney entity as one JSON object, exactly as `export --format ftm` writes
              it. `fragments` is a JSON array of the values each dataset gave, one FtM entity per dataset in dataset
              order, each with the `run_id` of the import that wrote it, as the Neo4j store keeps them: importing one
              dataset again later replaces that dataset's values and keeps the others'.
            - Dates as FollowTheMoney writes them (`2022`, `2022-05`, `2022-05-17`) are strings; `…Earliest` and
              `…Latest` are Neo4j dates bounding them. `firstSeen`/`lastSeen` are datetimes, `valueUsd` and an
              ownership's `percentage` (the exact stake, or the lower bound of a range) are doubles, and `shares` is the
              stake as the source wrote it (`51%`, `50-75%`, `majority`).
            - Lists (`datasets`, `aliases`, `countries`, `topics`, and the labels) are separated by `{{delimiter}}`. A value
              that contains it stops the export with an error naming it; export again with another
              `--array-delimiter`. Empty values and absent values become no property.
            - Text is quoted as RFC 4180 says (quotes doubled) and may span lines, hence `--multiline-fields=true`.
            - A relationship whose other end is not in the export (a reference to an entity no dataset carried) is
              skipped by neo4j-admin and listed in its `import.report`; `--bad-tolerance` is the number of
              relationships, so that skipping never aborts the import.
            """;
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private Neo4jCsvFile FileFor<TRow>(string name, IReadOnlyList<Neo4jCsvColumn<TRow>> columns, bool isNodes)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            file = Neo4jCsvFile.Create(Path.Combine(_directory, name), name, columns.Select(c => c.Header), isNodes);
            _files[name] = file;
        }

        return file;
    }

    private async Task<string> EntityJsonAsync(FtmEntity entity, CancellationToken cancellationToken)
    {
        _json.SetLength(0);
        await _jsonWriter.WriteAsync(entity, cancellationToken);
        await _jsonWriter.FlushAsync(cancellationToken);
        // Without the line's final newline.
        return Encoding.UTF8.GetString(_json.GetBuffer(), 0, (int)_json.Length - 1);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files.Values)
            await file.DisposeAsync();
        await _jsonWriter.DisposeAsync();
        await _json.DisposeAsync();
    }

    /// <summary>One entity on its way to a node file.</summary>
    private sealed record NodeRow(FtmEntity Entity, GraphProjection Projection, string EntityJson, string FragmentsJson);

    /// <summary>A node file: which entities it holds, their labels and the properties of those labels.</summary>
    private sealed record NodeGroup(string File, Func<NodeRow, bool> Holds, IReadOnlyList<Neo4jCsvColumn<NodeRow>> Columns);

    private static readonly Dictionary<string, Func<NodeRow, object?>> EntityValues = new(StringComparer.Ordinal)
    {
        ["schema"] = r => r.Entity.Schema,
        ["name"] = r => r.Projection.Party?.Name ?? r.Entity.First("name"),
        ["datasets"] = r => r.Entity.Datasets,
        ["sourceId"] = r => r.Entity.Id,
        ["firstSeen"] = r => r.Entity.FirstSeen,
        ["lastSeen"] = r => r.Entity.LastSeen,
        ["entity"] = r => r.EntityJson,
        ["fragments"] = r => r.FragmentsJson,
    };

    private static readonly Dictionary<string, Func<NodeRow, object?>> PartyValues = new(StringComparer.Ordinal)
    {
        ["aliases"] = r => r.Projection.Party!.Aliases,
        ["countries"] = r => r.Projection.Party!.Countries,
        ["topics"] = r => r.Projection.Party!.Topics,
        ["incorporationDate"] = r => r.Projection.Party!.IncorporationDate?.ToString(),
        ["incorporationEarliest"] = r => r.Projection.Party!.IncorporationDate?.Earliest,
        ["searchText"] = r => r.Projection.SearchText,
    };

    private static readonly Dictionary<string, Func<NodeRow, object?>> AddressValues = new(StringComparer.Ordinal)
    {
        ["full"] = r => r.Projection.Address!.Full,
        ["country"] = r => r.Projection.Address!.Countries.FirstOrDefault(),
    };

    private static readonly Dictionary<string, Func<NodeRow, object?>> ShipmentValues = new(StringComparer.Ordinal)
    {
        ["date"] = r => r.Projection.Shipment!.Date?.ToString(),
        ["dateEarliest"] = r => r.Projection.Shipment!.Date?.Earliest,
        ["dateLatest"] = r => r.Projection.Shipment!.Date?.Latest,
        ["senderId"] = r => r.Projection.Shipment!.SenderId,
        ["receiverId"] = r => r.Projection.Shipment!.ReceiverId,
        ["declarantId"] = r => r.Projection.Shipment!.DeclarantId,
        ["hsCode"] = r => r.Projection.Shipment!.HsCode?.Digits,
        ["hs6"] = r => r.Projection.Shipment!.HsCode?.Hs6,
        ["chplTier"] = r => r.Projection.Shipment!.ChplTier is { } tier ? ChplList.Label(tier) : null,
        ["goodsDescription"] = r => r.Projection.Shipment!.GoodsDescription,
        ["valueUsd"] = r => r.Projection.Shipment!.ValueUsd,
        ["originCountry"] = r => r.Projection.Shipment!.OriginCountry,
        ["departureCountry"] = r => r.Projection.Shipment!.DepartureCountry,
        ["destinationCountry"] = r => r.Projection.Shipment!.DestinationCountry,
        ["tradingCountry"] = r => r.Projection.Shipment!.TradingCountry,
    };

    private static readonly Dictionary<string, Func<NodeRow, object?>> SanctionValues = new(StringComparer.Ordinal)
    {
        ["authority"] = r => r.Projection.Sanction!.Authority,
        ["program"] = r => r.Projection.Sanction!.Program,
        ["countries"] = r => r.Projection.Sanction!.Countries,
        ["startDate"] = r => r.Projection.Sanction!.StartDate?.ToString(),
        ["endDate"] = r => r.Projection.Sanction!.EndDate?.ToString(),
        ["listingDate"] = r => r.Projection.Sanction!.ListingDate?.ToString(),
    };

    private static readonly Dictionary<string, Func<Link, object?>> LinkValues = new(StringComparer.Ordinal)
    {
        ["id"] = l => l.Id,
        ["schema"] = l => l.Schema,
        ["startDate"] = l => l.StartDate?.ToString(),
        ["endDate"] = l => l.EndDate?.ToString(),
        ["percentage"] = l => l.Share?.Exact ?? l.Share?.Minimum,
        ["shares"] = l => l.Share?.Text,
        ["role"] = l => l.Role,
        ["status"] = l => l.Status,
        ["datasets"] = l => l.Provenance.Datasets,
        ["sourceId"] = l => l.Provenance.SourceId,
        ["firstSeen"] = l => l.Provenance.FirstSeen,
        ["lastSeen"] = l => l.Provenance.LastSeen,
    };

    /// <summary>The columns of a node file: <c>id:ID</c>, <c>:LABEL</c>, the entity properties, then the label's own.</summary>
    private static Neo4jCsvColumn<NodeRow>[] NodeColumns(Func<NodeRow, IReadOnlyList<string>> labels, string? label, Dictionary<string, Func<NodeRow, object?>>? values) =>
    [
        new("id:ID", r => r.Entity.Id),
        new(":LABEL", labels),
        .. GraphModel.EntityProperties.Where(k => k != "id").Select(k => Neo4jCsvColumn<NodeRow>.Property(k, Lookup(EntityValues, k))),
        .. label is null ? [] : GraphModel.NodeProperties[label].Select(k => Neo4jCsvColumn<NodeRow>.Property(k, Lookup(values!, k))),
    ];

    private static Func<TRow, object?> Lookup<TRow>(Dictionary<string, Func<TRow, object?>> values, string key) =>
        values.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"The neo4j-csv export does not know how to write the graph model's property '{key}'.");

    private static readonly NodeGroup[] NodeGroups =
    [
        new("nodes-parties.csv", r => r.Projection.Party is not null,
            NodeColumns(r => [GraphModel.Entity, GraphModel.Party, GraphModel.Label(r.Projection.Party!.Kind)], GraphModel.Party, PartyValues)),
        new("nodes-addresses.csv", r => r.Projection.Address is not null,
            NodeColumns(_ => [GraphModel.Entity, GraphModel.Address], GraphModel.Address, AddressValues)),
        new("nodes-shipments.csv", r => r.Projection.Shipment is not null,
            NodeColumns(_ => [GraphModel.Entity, GraphModel.Shipment], GraphModel.Shipment, ShipmentValues)),
        new("nodes-sanctions.csv", r => r.Projection.Sanction is not null,
            NodeColumns(_ => [GraphModel.Entity, GraphModel.Sanction], GraphModel.Sanction, SanctionValues)),
        new("nodes-intervals.csv", r => FtmProjector.LinkKindOf(r.Entity.Schema) is not null,
            NodeColumns(_ => [GraphModel.Entity, GraphModel.Interval], null, null)),
        new("nodes-entities.csv", _ => true,
            NodeColumns(_ => [GraphModel.Entity], null, null)),
    ];

    private static readonly Neo4jCsvColumn<Link>[] RelationshipColumns =
    [
        new(":START_ID", l => l.SourceId),
        new(":END_ID", l => l.TargetId),
        new(":TYPE", l => GraphModel.RelationshipType(l.Kind)),
        .. GraphModel.RelationshipProperties.Select(k => Neo4jCsvColumn<Link>.Property(k, Lookup(LinkValues, k))),
    ];
}
