using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Starts <see cref="RetryDataset"/> for a FAILED dataset, one per failed attempt (<c>retry:{datasetId}:{attempt}</c>):
/// asking twice for the same failure answers with the same instance. Refused when the dataset is not FAILED or another
/// dataset holds its client/stage/type slot (the retry itself checks again when it takes the slot). The bulk form
/// retries the FAILED datasets matching a filter, each as if asked for alone.
/// </summary>
public sealed partial class RetryDatasetHandler(IDatasetRegistry registry, ILogger<RetryDatasetHandler> logger)
{
    /// <summary>Accepted with the retry's instance, not found, or refused with the reason.</summary>
    public async Task<CommandResult> HandleAsync(DurableTaskClient client, RetryDatasetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(command);
        var record = await registry.GetAsync(command.DatasetId, cancellationToken);
        return record is null ? CommandResult.NotFound : await RetryAsync(client, record.Dataset, command.Reason, cancellationToken);
    }

    /// <summary>Retries the FAILED datasets that match, at most <see cref="RetryFailedDatasetsCommand.MaxDatasets"/>.</summary>
    public async Task<BulkRetryResult> HandleAsync(DurableTaskClient client, RetryFailedDatasetsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(command);
        var query = new DatasetQuery { ClientId = command.ClientId, JourneyId = command.JourneyId, Stage = command.Stage, Status = DatasetStatus.Failed, PageSize = DatasetQuery.MaxPageSize };
        var matched = new List<DatasetSnapshot>();
        do
        {
            var page = await registry.ListAsync(query, cancellationToken);
            matched.AddRange(page.Items.Where(d => command.FailedSince is not { } since || d.FailedAt >= since));
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        var started = new List<BulkRetryStarted>();
        var refused = new List<BulkRetryRefused>();
        foreach (var candidate in matched.OrderBy(d => d.FailedAt).ThenBy(d => d.Id.Value, StringComparer.Ordinal).Take(RetryFailedDatasetsCommand.MaxDatasets))
        {
            // The listing is a copy: decide on the authoritative row.
            var record = await registry.GetAsync(candidate.Id, cancellationToken);
            var result = record is null ? CommandResult.NotFound : await RetryAsync(client, record.Dataset, command.Reason, cancellationToken);
            if (result.Status == CommandStatus.Accepted)
            {
                started.Add(new BulkRetryStarted(candidate.Id.Value, result.InstanceId!));
            }
            else
            {
                refused.Add(new BulkRetryRefused(candidate.Id.Value, result.Refusal ?? "the dataset is gone"));
            }
        }

        return new BulkRetryResult(matched.Count, started, refused, matched.Count > RetryFailedDatasetsCommand.MaxDatasets);
    }

    private async Task<CommandResult> RetryAsync(DurableTaskClient client, Dataset dataset, string reason, CancellationToken cancellationToken)
    {
        var id = dataset.Id.Value;
        var instanceId = LifecycleWorkflows.Retry(dataset.Id, dataset.Attempt + 1);
        if (dataset.Status != DatasetStatus.Failed)
        {
            // The retry asked for a moment ago may have moved it on already: answer with that retry.
            return dataset.Status is DatasetStatus.Provisioning or DatasetStatus.Validating
                && await client.GetInstanceAsync(LifecycleWorkflows.Retry(dataset.Id, dataset.Attempt), false, cancellationToken) is { IsRunning: true } running
                ? CommandResult.Accepted(running.InstanceId)
                : CommandResult.Refused($"Dataset '{id}' is {dataset.Status.ToWireName()}; only a failed dataset can be retried.");
        }

        var holder = await registry.FindSlotHolderAsync(dataset.ClientId, dataset.Stage, dataset.Type, cancellationToken);
        if (holder is { } other && other != dataset.Id)
        {
            return CommandResult.Refused(
                $"Client '{dataset.ClientId}' already has an active {dataset.Type.ToWireName()} dataset in {dataset.Stage.ToWireName()}: '{other}'; dataset '{id}' can be retried once that one is archived, or torn down instead.");
        }

        await LifecycleWorkflows.StartOnceAsync(client, nameof(RetryDataset), new RetryDatasetInput(dataset.Id, dataset.Attempt, reason, TakesSeat: true), instanceId, onlyIfNotRunning: false, cancellationToken);
        LogRetry(logger, id, dataset.Attempt + 1, instanceId);
        return CommandResult.Accepted(instanceId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {DatasetId}: retry requested, attempt {Attempt} ({InstanceId})")]
    private static partial void LogRetry(ILogger logger, string datasetId, int attempt, string instanceId);
}
