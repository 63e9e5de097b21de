using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Starts <see cref="ProvisionJourneyDatasets"/> for a provisioning request. Idempotent: the instance id is the
/// journey's stage (<see cref="LifecycleWorkflows.Provision"/>), so repeating a request while it runs answers with the
/// running instance; when every requested type is already active for the client and stage, nothing starts.
/// </summary>
public sealed class ProvisionDatasetsHandler(IDatasetRegistry registry, JourneyProjectionStore journeys, TimeProvider time)
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

        var held = await HeldSlotsAsync(input, cancellationToken);
        if (held.Count == input.DatasetTypes.Count)
        {
            return new ProvisionDatasetsResult(instanceId, held);
        }

        // The request says where the journey is now; the orphan scan and the teardown safety rule read it from here.
        await journeys.ApplyAsync(input.JourneyId.Value, input.ClientId.Value, input.Stage.ToWireName(), completed: false, time.GetUtcNow(), cancellationToken);
        // When the same request races this one and wins, the answer is its instance.
        await LifecycleWorkflows.StartAsync(client, nameof(ProvisionJourneyDatasets), input with { RequestId = input.RequestId ?? Guid.NewGuid().ToString("N"), RequestedAt = time.GetUtcNow() }, instanceId, cancellationToken);
        return new ProvisionDatasetsResult(instanceId, ActiveDatasets: null);
    }

    private async Task<Dictionary<string, string>> HeldSlotsAsync(ProvisionJourneyInput input, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in input.DatasetTypes)
        {
            // The slot (an active dataset), or the connector name (a FAILED dataset keeps it until it is retried or archived).
            var holder = await registry.FindSlotHolderAsync(input.ClientId, input.Stage, type, cancellationToken)
                ?? await registry.FindConnectorNameHolderAsync(ConnectorNaming.For(input.ClientName, input.Stage, type), cancellationToken);
            if (holder is { } id)
            {
                held[type.ToWireName()] = id.Value;
            }
        }

        return held;
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
