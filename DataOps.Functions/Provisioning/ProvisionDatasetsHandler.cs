using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Starts <see cref="ProvisionJourneyDatasets"/> for a provisioning request. Idempotent: the instance id is the
/// journey's stage (<see cref="LifecycleWorkflows.Provision"/>), so repeating a request while it runs answers with the
/// running instance; when every requested type is already active for the client and stage, nothing starts.
/// </summary>
public sealed class ProvisionDatasetsHandler(IDatasetRegistry registry, JourneyProjectionStore journeys, IOptions<WorkflowOptions> options, TimeProvider time)
{
    /// <summary>The request's instance (started now or already running), or the active datasets that refuse it.</summary>
    public async Task<ProvisionDatasetsResult> HandleAsync(DurableTaskClient client, ProvisionJourneyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = LifecycleWorkflows.Provision(input.JourneyId, input.Stage);
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (existing is { IsRunning: true })
        {
            return new ProvisionDatasetsResult(instanceId, ActiveDatasets: null);
        }

        var (held, namesInUse) = await HeldSlotsAsync(input, cancellationToken);
        if (namesInUse.Count > 0)
        {
            return new ProvisionDatasetsResult(instanceId, ActiveDatasets: null, namesInUse);
        }

        if (held.Count == input.DatasetTypes.Count)
        {
            return new ProvisionDatasetsResult(instanceId, held);
        }

        var limit = options.Value.Provisioning.MaxDatasetsPerClient;
        var live = await CountLiveDatasetsAsync(registry, input.ClientId, cancellationToken);
        var adding = input.DatasetTypes.Count - held.Count;
        if (live + adding > limit)
        {
            return new ProvisionDatasetsResult(instanceId, ActiveDatasets: null, ClientLimit: new ClientDatasetLimit(limit, live, adding));
        }

        // The request says where the journey is now; the orphan scan and the teardown safety rule read it from here.
        await journeys.ApplyAsync(input.JourneyId.Value, input.ClientId.Value, input.Stage.ToWireName(), completed: false, time.GetUtcNow(), cancellationToken);
        // When the same request races this one and wins, the answer is its instance.
        await LifecycleWorkflows.StartAsync(client, nameof(ProvisionJourneyDatasets), input with { RequestId = input.RequestId ?? Guid.NewGuid().ToString("N"), RequestedAt = time.GetUtcNow() }, instanceId, cancellationToken);
        return new ProvisionDatasetsResult(instanceId, ActiveDatasets: null);
    }

    /// <summary>How many of the client's datasets are not archived (every stage and journey): what the per-client limit counts.</summary>
    internal static async Task<int> CountLiveDatasetsAsync(IDatasetRegistry registry, ClientId clientId, CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await registry.ListAsync(new DatasetQuery { ClientId = clientId, PageSize = DatasetQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
            count += page.Items.Count(d => d.Status != DatasetStatus.Archived);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return count;
    }

    /// <summary>
    /// The client's datasets holding a requested slot or connector name (a FAILED dataset keeps its name until it is
    /// retried or archived), and the connector names another client's datasets hold (the same client name given to two
    /// clients), which refuse the whole request before anything is written.
    /// </summary>
    private async Task<(Dictionary<string, string> Held, List<string> NamesInUse)> HeldSlotsAsync(ProvisionJourneyInput input, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        var namesInUse = new List<string>();
        foreach (var type in input.DatasetTypes)
        {
            if (await registry.FindSlotHolderAsync(input.ClientId, input.Stage, type, cancellationToken) is { } active)
            {
                held[type.ToWireName()] = active.Value;
                continue;
            }

            var connectorName = ConnectorNaming.For(input.ClientName, input.Stage, type);
            if (await registry.FindConnectorNameHolderAsync(connectorName, cancellationToken) is not { } holder)
            {
                continue;
            }

            var record = await registry.GetAsync(holder, cancellationToken);
            if (record is not null && record.Dataset.ClientId != input.ClientId)
            {
                namesInUse.Add(connectorName.Value);
            }
            else
            {
                held[type.ToWireName()] = holder.Value;
            }
        }

        return (held, namesInUse);
    }

    /// <summary>How each holder stands, for the refusal: the status, and for a FAILED one what to do about it.</summary>
    public async Task<string> DescribeAsync(IReadOnlyDictionary<string, string> held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var parts = new List<string>(held.Count);
        foreach (var (type, id) in held)
        {
            var record = await registry.GetAsync(DatasetId.Create(id), cancellationToken);
            parts.Add(record?.Dataset.Status switch
            {
                null => $"{type} ({id})",
                DatasetStatus.Failed => $"{type} ({id}, failed: retry it with POST /api/datasets/{id}/retry, or tear it down, first)",
                var status => $"{type} ({id}, {status.Value.ToWireName()})",
            });
        }

        return string.Join(", ", parts);
    }
}
