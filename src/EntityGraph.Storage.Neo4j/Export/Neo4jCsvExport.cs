using System.Globalization;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Storage.Neo4j.Export.Internal;
using EntityGraph.Storage.Neo4j.Internal;

namespace EntityGraph.Storage.Neo4j.Export;

/// <summary>
/// Writes the graph as <c>neo4j-admin database import full</c> input: one node file per label group
/// (parties, addresses, shipments, sanctions, interval entities, other entities) and one relationship
/// file per type, with typed headers, plus the exact command (<c>import.sh</c>) and what it does
/// (<c>IMPORT.md</c>). Nodes and relationships are the Core projection of each entity, the same as the
/// stores write; labels, types and property keys are those of <see cref="GraphModel"/>.
/// </summary>
public sealed class Neo4jCsvExport : IAsyncDisposable
{
    /// <summary>The script that runs the import, written beside the CSV files.</summary>
    public const string ScriptFile = "import.sh";

    /// <summary>What the files hold and how to import them, written beside the CSV files.</summary>
    public const string GuideFile = "IMPORT.md";

    private readonly string _directory;
    private readonly string _arrayDelimiter;
    private readonly Func<FtmEntity, CancellationToken, Task<string>> _entityJson;
    private readonly Dictionary<string, Neo4jCsvFile> _files = new(StringComparer.Ordinal);

    /// <summary>An export into a directory that exists.</summary>
    /// <param name="directory">Where the CSV files, the script and the guide go.</param>
    /// <param name="arrayDelimiter">The character between list elements; no value may contain it.</param>
    /// <param name="entityJson">
    /// The merged entity as one JSON object without a line break, for the <c>entity</c> property: the line
    /// <c>export --format ftm</c> writes, so that both exports give an entity the same bytes.
    /// </param>
    public Neo4jCsvExport(string directory, char arrayDelimiter, Func<FtmEntity, CancellationToken, Task<string>> entityJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(entityJson);
        _directory = directory;
        _arrayDelimiter = arrayDelimiter.ToString();
        _entityJson = entityJson;
    }

    /// <summary>How many entities have been written.</summary>
    public long Entities { get; private set; }

    /// <summary>How many nodes have been written, one per entity.</summary>
    public long Nodes => _files.Values.Where(f => f.IsNodes).Sum(f => f.Rows);

    /// <summary>How many relationships have been written.</summary>
    public long Relationships => _files.Values.Where(f => !f.IsNodes).Sum(f => f.Rows);

    /// <summary>The files written so far, by name, with their row counts.</summary>
    public IReadOnlyDictionary<string, long> Files => _files.ToDictionary(f => f.Key, f => f.Value.Rows, StringComparer.Ordinal);

    /// <summary>The node or relationship files written, by name.</summary>
    private IEnumerable<Neo4jCsvFile> Written(bool nodes) => _files.Values.Where(f => f.IsNodes == nodes).OrderBy(f => f.Name, StringComparer.Ordinal);

    /// <summary>Writes one entity, given as the fragments the store holds for it in dataset order, and its links.</summary>
    /// <exception cref="Neo4jCsvExportException">A list value of the entity or its links contains the array delimiter.</exception>
    public async Task WriteAsync(IReadOnlyList<StoredFragment> fragments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        var entity = FtmFragments.Merge(fragments);
        var projection = FtmProjector.Project(entity);
        var row = new Neo4jCsvLayout.NodeRow(entity, projection, await _entityJson(entity, cancellationToken), EntityDocuments.Fragments(fragments.Select(f => (f.Fragment, f.RunId))));
        var group = Neo4jCsvLayout.NodeGroups.First(g => g.Holds(row));
        await FileFor(group.File, group.Columns, isNodes: true).WriteAsync(group.Columns, row, entity.Id, _arrayDelimiter, cancellationToken);
        foreach (var link in projection.Links)
        {
            await FileFor(Neo4jCsvLayout.RelationshipFile(link.Kind), Neo4jCsvLayout.RelationshipColumns, isNodes: false)
                .WriteAsync(Neo4jCsvLayout.RelationshipColumns, link, link.Id, _arrayDelimiter, cancellationToken);
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
    private string Command(string database = "neo4j")
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

    /// <summary>Closes the CSV files; an export not finished leaves them as they are.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files.Values)
            await file.DisposeAsync();
    }
}
