using System.Diagnostics;
using System.Threading.Channels;
using EntityGraph.Core.Storage;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Import.Internal;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.Import;

/// <summary>
/// Imports a source — FtM JSON lines, or table rows through a mapping — into a store as one run of one dataset:
/// every line or row is read and validated, valid entities are upserted in batches in source order, and every
/// refused line or row — by validation or by the store — goes to the rejects file with where it was, its reasons
/// and what it said. Valid lines are kept even when others in the same file are refused.
/// </summary>
/// <remarks>
/// Parsing and validation run on their own thread and hand batches to the store through a small
/// bounded channel, so that on two cores the store writes one batch while the next is being read;
/// memory stays bounded by a few batches whatever the size of the file.
/// </remarks>
public sealed class FtmImporter
{
    private const int BatchesInFlight = 2;

    private readonly IGraphStore _store;
    private readonly FtmEntityValidator _validator;

    /// <summary>An importer writing to <paramref name="store"/>, judging lines with <paramref name="validator"/> (FtM's catalogue by default).</summary>
    public FtmImporter(IGraphStore store, FtmEntityValidator? validator = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _validator = validator ?? FtmEntityValidator.Default;
    }

    /// <summary>The rejects file used when none is given: next to the source, or in the working directory for stdin.</summary>
    public static string DefaultRejectsPath(string path) =>
        path == FtmLineReader.StandardInput ? "stdin.rejects.jsonl" : path + ".rejects.jsonl";

    /// <summary>Imports a file, plain or gzip, or standard input when <paramref name="path"/> is <c>-</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public async Task<ImportSummary> ImportAsync(string path, FtmImportOptions? options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = FtmLineReader.Open(path);
        return await ImportAsync(reader, path, options, progress, cancellationToken);
    }

    /// <summary>Imports from an opened reader; <paramref name="source"/> names it for the default dataset and rejects file.</summary>
    public Task<ImportSummary> ImportAsync(FtmLineReader reader, string source, FtmImportOptions? options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ImportAsync(new FtmLineSource(reader), source, options, progress, cancellationToken);
    }

    /// <summary>
    /// Imports any source — FtM lines, or table rows through a mapping — as one run of one dataset;
    /// <paramref name="name"/> names it for the default dataset and rejects file.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(IImportSource source, string name, FtmImportOptions? options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(name);
        options ??= new FtmImportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var dataset = string.IsNullOrWhiteSpace(options.Dataset) ? DatasetName.FromPath(name) : options.Dataset;
        var run = ImportRun.Start(dataset);
        var clock = Stopwatch.StartNew();

        var channel = CreateBatchChannel();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = StartReading(source, channel.Writer, options.BatchSize, stop.Token);
        var tally = new ImportTally();
        await using var rejects = new RejectsFile(options.RejectsPath ?? DefaultRejectsPath(name));
        // Disposed after the last batch, on failure too: the store rebuilds what it set aside.
        await using var bulkLoad = await _store.BeginBulkLoadAsync(stop.Token);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(stop.Token))
            {
                await StoreBatchAsync(batch, run, tally, rejects, stop.Token);
                progress?.Report(new ImportProgress(tally.Lines, tally.Accepted, tally.Rejected, batch.BytesRead, source.TotalBytes, clock.Elapsed));
            }

            await producer;
            // Part of the import's time: the store builds what it set aside for the load.
            await bulkLoad.DisposeAsync();
        }
        catch
        {
            await StopReadingAsync(stop, producer);
            throw;
        }

        return new ImportSummary(name, dataset, tally.Lines, tally.Accepted, tally.Rejected, tally.BySchema, clock.Elapsed, rejects.Created ? rejects.Path : null)
        {
            Repeated = tally.Repeated,
        };
    }

    private static Channel<ImportBatch> CreateBatchChannel() =>
        Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    /// <summary>Starts parsing and validating the lines on a thread of their own, handing batches to <paramref name="writer"/>.</summary>
    private Task StartReading(IImportSource source, ChannelWriter<ImportBatch> writer, int batchSize, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Produce(source, writer, batchSize, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <summary>Upserts a batch's valid entities, counts what the store took, and writes every refused line to the rejects file.</summary>
    private async Task StoreBatchAsync(ImportBatch batch, ImportRun run, ImportTally tally, RejectsFile rejects, CancellationToken cancellationToken)
    {
        var refused = batch.Rejected;
        var sent = LeaveOutRepeats(batch, tally);
        if (sent.Count > 0)
        {
            var result = await _store.UpsertAsync([.. sent.Select(i => batch.Entities[i])], run, cancellationToken);
            var storeReasons = result.Rejected
                .GroupBy(r => r.Index)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Reason)]);
            for (var k = 0; k < sent.Count; k++)
            {
                var i = sent[k];
                if (storeReasons.TryGetValue(k, out var reasons))
                {
                    refused.Add(new RejectedLine(batch.Origins[i], batch.Mapped[i]?.MappedAs, reasons));
                    continue;
                }

                tally.Accept(batch.Entities[i].Schema);
                if (batch.Mapped[i] is { } mapped)
                    tally.Repeats.Remember(mapped);
            }
        }

        if (refused.Count > 0)
        {
            tally.Rejected += refused.Count;
            refused.Sort((a, b) => a.Origin.Position.CompareTo(b.Origin.Position));
            await rejects.WriteAsync(refused, cancellationToken);
        }

        tally.Lines = batch.LinesRead;
    }

    /// <summary>
    /// The positions of the batch's entities to send: all but those a mapped row gave exactly as the store already took
    /// them in this run (counted in <see cref="ImportTally.Repeated"/>).
    /// </summary>
    private static List<int> LeaveOutRepeats(ImportBatch batch, ImportTally tally)
    {
        var sent = new List<int>(batch.Entities.Count);
        for (var i = 0; i < batch.Entities.Count; i++)
        {
            if (batch.Mapped[i] is { } mapped && tally.Repeats.IsRepeat(mapped))
                tally.Repeated++;
            else
                sent.Add(i);
        }

        return sent;
    }

    /// <summary>Stops the reading thread after a failure and waits for it.</summary>
    private static async Task StopReadingAsync(CancellationTokenSource stop, Task producer)
    {
        await stop.CancelAsync();
        try
        {
            await producer;
        }
        catch (Exception)
        {
            // The first failure is the one worth reporting; the producer only stopped because of it.
        }
    }

    private void Produce(IImportSource source, ChannelWriter<ImportBatch> writer, int batchSize, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new ImportBatch(batchSize);
            long units = 0;
            foreach (var unit in source.Units(_validator))
            {
                units++;
                if (unit.Reasons.Count > 0)
                    batch.Rejected.Add(new RejectedLine(unit.Origin, null, unit.Reasons));
                foreach (var (entity, mapped) in unit.Entities)
                {
                    batch.Entities.Add(entity);
                    batch.Origins.Add(unit.Origin);
                    batch.Mapped.Add(mapped);
                }

                if (batch.Entities.Count + batch.Rejected.Count >= batchSize)
                {
                    Send(writer, batch, units, source.BytesRead, cancellationToken);
                    batch = new ImportBatch(batchSize);
                }
            }

            Send(writer, batch, units, source.BytesRead, cancellationToken);
            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
        }
    }

    /// <summary>Hands a batch over, waiting while the store is behind; this thread does nothing else.</summary>
    private static void Send(ChannelWriter<ImportBatch> writer, ImportBatch batch, long lines, long bytes, CancellationToken cancellationToken)
    {
        batch.LinesRead = lines;
        batch.BytesRead = bytes;
        while (!writer.TryWrite(batch))
        {
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                throw new InvalidOperationException("The import stopped taking batches.");
        }
    }

    /// <summary>What an import has counted so far.</summary>
    private sealed class ImportTally
    {
        public long Lines { get; set; }

        public long Accepted { get; private set; }

        public long Rejected { get; set; }

        public SortedDictionary<string, long> BySchema { get; } = new(StringComparer.Ordinal);

        /// <summary>Fragments of mapped rows the store already took exactly so; sent once.</summary>
        public long Repeated { get; set; }

        public RepeatFilter Repeats { get; } = new();

        /// <summary>Counts an entity the store took.</summary>
        public void Accept(string schema)
        {
            Accepted++;
            BySchema[schema] = BySchema.GetValueOrDefault(schema) + 1;
        }
    }
}
