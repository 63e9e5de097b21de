using DataOps.Glean.Documents;
using DataOps.Glean.Errors;
using DataOps.Glean.Metrics;
using DataOps.Glean.Model;
using System.Diagnostics;
using DataOps.Domain.Datasets;

namespace DataOps.Glean;

internal sealed partial class GleanConnectorService
{
    public Task<PopulationResult> PopulateAsync(
        GleanConnector connector,
        string datasetId,
        int attempt,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return UploadAsync(connector, datasetId, UploadIds.Population(datasetId, attempt), records, cancellationToken);
    }

    public Task<PopulationResult> ResyncAsync(
        GleanConnector connector,
        string datasetId,
        int attempt,
        int revision,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(revision, 1);
        return UploadAsync(connector, datasetId, UploadIds.Resync(datasetId, attempt, revision), records, cancellationToken);
    }

    private async Task<PopulationResult> UploadAsync(
        GleanConnector connector,
        string datasetId,
        string uploadId,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(records);
        if (connector.Stage == Stage.Production)
        {
            // Production connectors carry the client's real data, which the product never pushes.
            throw new InvalidOperationException($"connector '{connector.ConnectorName}' serves the production stage; the product does not populate production connectors");
        }

        var transformer = DocumentTransformers.For(connector.DatasetType);
        var context = new DocumentContext(connector);
        var documents = records.Select(r => transformer.Transform(r, context)).ToList();
        var duplicate = documents.GroupBy(d => d.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"record id '{duplicate.Key}' appears {duplicate.Count()} times; ids must be unique within a dataset (Glean ids ignore case)", nameof(records));
        }

        var pages = BulkPages.Split(documents, Options.MaxDocumentsPerPage, Options.MaxPageBytes);
        var started = Stopwatch.GetTimestamp();
        bool restarted;
        try
        {
            restarted = await SendUploadAsync(connector, datasetId, uploadId, pages, disableStaleCheck: false, cancellationToken);
        }
        catch (GleanException ex)
        {
            await ObserveAsync(connector, ConnectorCallKind.Sync, OutcomeOf(ex), Stopwatch.GetElapsedTime(started), cancellationToken);
            throw;
        }

        var duration = Stopwatch.GetElapsedTime(started);
        await ObserveAsync(connector, ConnectorCallKind.Sync, ConnectorCallOutcome.Succeeded, duration, cancellationToken);
        Log.Populated(logger, connector.ConnectorName, documents.Count, pages.Count, uploadId);
        return new PopulationResult(uploadId, documents.Count, pages.Count, restarted, duration);
    }

    public async Task<ConnectorRetirement> EmptyAndRetireAsync(GleanConnector connector, string datasetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        var uploadId = UploadIds.Retirement(datasetId);
        try
        {
            await SendUploadAsync(connector, datasetId, uploadId, [[]], disableStaleCheck: true, cancellationToken);
        }
        catch (GleanBadRequestException)
        {
            if (await TryGetConfigAsync(connector.DatasourceName, cancellationToken) is not null)
            {
                throw;
            }

            // Glean no longer knows the datasource (an administrator removed it): it holds nothing to empty, and the upload
            // would be refused for good, leaving a compensation or a teardown to retry for ever.
            Log.RetiredAbsent(logger, connector.ConnectorName, connector.DatasourceName);
            return new ConnectorRetirement(connector.ConnectorName, connector.DatasourceName, uploadId, 0, time.GetUtcNow());
        }

        var count = await GetDocumentCountAsync(connector, cancellationToken);
        var remaining = Math.Max(count.Uploaded, count.Indexed);
        Log.Retired(logger, connector.ConnectorName, remaining);
        return new ConnectorRetirement(connector.ConnectorName, connector.DatasourceName, uploadId, remaining, time.GetUtcNow());
    }

    /// <summary>Sends first page, middle pages (a few at a time) and last page; true when an earlier upload was restarted.</summary>
    private async Task<bool> SendUploadAsync(
        GleanConnector connector,
        string datasetId,
        string uploadId,
        IReadOnlyList<IReadOnlyList<byte[]>> pages,
        bool disableStaleCheck,
        CancellationToken cancellationToken)
    {
        var last = pages.Count - 1;
        HttpContent Page(int index, bool force) =>
            BulkPages.Body(uploadId, connector.DatasourceName, pages[index], index == 0, index == last, force, disableStaleCheck);

        var restarted = false;
        try
        {
            await indexing.BulkIndexDocumentsAsync(Page(0, force: false), cancellationToken);
        }
        catch (GleanConflictException)
        {
            if (!await IsOwnUnfinishedUploadAsync(connector, datasetId, cancellationToken))
            {
                throw;
            }

            restarted = true;
        }

        if (restarted)
        {
            // An earlier attempt of this very dataset died mid-upload: restarting it is safe, and the only way on.
            Log.Restarting(logger, connector.ConnectorName, uploadId);
            await indexing.BulkIndexDocumentsAsync(Page(0, force: true), cancellationToken);
        }

        if (last == 0)
        {
            return restarted;
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(1, last - 1),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.MiddlePageParallelism), CancellationToken = cancellationToken },
            async (index, token) => await indexing.BulkIndexDocumentsAsync(Page(index, force: false), token));
        try
        {
            await indexing.BulkIndexDocumentsAsync(Page(last, force: false), cancellationToken);
        }
        catch (GleanBadRequestException)
        {
            // A retried last page whose first answer was lost: Glean finished the upload and refuses the repeat.
            if (!await IsFinishedAsync(connector, uploadId, cancellationToken))
            {
                throw;
            }
        }

        return restarted;
    }

    private async Task<bool> IsFinishedAsync(GleanConnector connector, string uploadId, CancellationToken cancellationToken)
    {
        var status = await indexing.GetStatusAsync(connector.DatasourceName, cancellationToken);
        var history = status?.Documents?.BulkUploadHistory;
        return history is { Count: > 0 } && history[^1].UploadId == uploadId && history[^1].Status == "SUCCESSFUL";
    }

    private async Task<bool> IsOwnUnfinishedUploadAsync(GleanConnector connector, string datasetId, CancellationToken cancellationToken)
    {
        var status = await indexing.GetStatusAsync(connector.DatasourceName, cancellationToken);
        return status?.Documents?.BulkUploadHistory?.Any(u =>
            u.Status == "ACTIVE" && u.UploadId.StartsWith(UploadIds.Prefix(datasetId), StringComparison.Ordinal)) == true;
    }
}
