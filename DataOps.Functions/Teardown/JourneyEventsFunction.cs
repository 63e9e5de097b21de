using DataOps.Domain.Datasets;
using DataOps.Functions.Http;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Teardown;

/// <summary>
/// The <c>journey-events</c> queue (base64 JSON, as Azure Functions queues): <c>JourneyStageChanged</c> tears down the
/// stage left behind, <c>JourneyCompleted</c> tears down all of the journey's datasets, <c>DatasetProvisionRequested</c>
/// provisions. Every message updates the journey projection. Invalid messages go straight to the poison queue, having
/// changed nothing. Duplicates start nothing twice: each event maps to one orchestration instance id.
/// </summary>
public sealed class JourneyEventsFunction(JourneyProjectionStore journeys, IOptions<WorkflowOptions> options, TimeProvider time)
{
    /// <summary>The setting naming the queue (default <c>journey-events</c>).</summary>
    public const string QueueSetting = "DataOps:JourneyEventsQueue";

    /// <summary>Handles one journey event.</summary>
    [Function(nameof(JourneyEvents))]
    public async Task JourneyEvents(
        [QueueTrigger("%" + QueueSetting + "%")] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var validation = new RequestValidation();
        switch (JourneyEventMessage.Parse(message))
        {
            case JourneyStageChangedMessage changed:
                await StageChangedAsync(changed.ToTransition(validation, options.Value.Teardown.GracePeriod), validation, client, cancellationToken);
                break;
            case JourneyCompletedMessage completed:
                await CompletedAsync(completed.ToTransition(validation, options.Value.Teardown.GracePeriod), validation, client, cancellationToken);
                break;
            case DatasetProvisionRequestedMessage provision:
                await ProvisionAsync(provision.ToRequest(validation), validation, client, cancellationToken);
                break;
        }
    }

    private async Task StageChangedAsync(JourneyTransitionInput? input, RequestValidation validation, DurableTaskClient client, CancellationToken cancellationToken)
    {
        JourneyEventMessage.ThrowIfInvalid(validation);
        await journeys.ApplyAsync(input!.JourneyId.Value, input.ClientId.Value, input.ToStage?.ToWireName(), completed: false, input.OccurredAt, cancellationToken);
        await StartOnceAsync(client, nameof(StageTransition), input, LifecycleWorkflows.StageChange(input.JourneyId, input.FromStage, input.ToStage, input.OccurredAt), cancellationToken);
    }

    private async Task CompletedAsync(JourneyTransitionInput? input, RequestValidation validation, DurableTaskClient client, CancellationToken cancellationToken)
    {
        JourneyEventMessage.ThrowIfInvalid(validation);
        await journeys.ApplyAsync(input!.JourneyId.Value, input.ClientId.Value, null, completed: true, input.OccurredAt, cancellationToken);
        await StartOnceAsync(client, nameof(StageTransition), input, LifecycleWorkflows.JourneyCompleted(input.JourneyId), cancellationToken);
    }

    private async Task ProvisionAsync((ProvisionJourneyInput? Input, DateTimeOffset? OccurredAt) request, RequestValidation validation, DurableTaskClient client, CancellationToken cancellationToken)
    {
        JourneyEventMessage.ThrowIfInvalid(validation);
        var input = request.Input!;
        await journeys.ApplyAsync(input.JourneyId.Value, input.ClientId.Value, input.Stage.ToWireName(), completed: false, request.OccurredAt ?? DateTimeOffset.MinValue, cancellationToken);
        await StartOnceAsync(client, nameof(ProvisionJourneyDatasets), input with { RequestId = Guid.NewGuid().ToString("N"), RequestedAt = request.OccurredAt ?? time.GetUtcNow() }, LifecycleWorkflows.Provision(input.JourneyId, input.Stage), cancellationToken);
    }

    // A redelivered or duplicated message finds its instance and starts nothing.
    private static Task<bool> StartOnceAsync(DurableTaskClient client, string orchestrator, object input, string instanceId, CancellationToken cancellationToken) =>
        LifecycleWorkflows.StartOnceAsync(client, orchestrator, input, instanceId, onlyIfNotRunning: false, cancellationToken);
}
