using Azure;
using DataOps.Durable.Client;
using DataOps.Durable.Runtime.Storage;

namespace DataOps.Durable.Runtime;

/// <summary>The client of an Azure Storage task hub. Every argument is checked before anything is written.</summary>
internal sealed class AzureStorageDurableTaskClient(
    TaskHubStorage hub,
    InstanceStore instances,
    HistoryStore history,
    LargePayloadStore payloads,
    MessageSender sender,
    DurableTaskRegistry registry,
    DurableTaskOptions options,
    TimeProvider time) : DurableTaskClient
{
    private static readonly OrchestrationRuntimeStatus[] s_finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public override string HubName => hub.HubName;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? startOptions = null, CancellationToken cancellation = default)
    {
        if (orchestratorName.IsEmpty || !registry.TryGetOrchestrator(orchestratorName, out var type))
        {
            var known = string.Join(", ", registry.Orchestrators.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
            throw new ArgumentException($"Unknown orchestrator '{orchestratorName}'. Registered orchestrators: {known}.", nameof(orchestratorName));
        }

        var instanceId = startOptions?.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(instanceId, "options.InstanceId");
        var json = PayloadSerializer.Serialize(input, options.MaxPayloadBytes, "input");
        PayloadSerializer.EnsureReadableAs(json, TaskTypes.InputTypeOf(type), "input");

        await hub.EnsureCreatedAsync().WaitAsync(cancellation);
        var executionId = Guid.NewGuid().ToString("N");
        var summary = new InstanceSummary
        {
            ExecutionId = executionId, Name = orchestratorName.Name, Status = OrchestrationRuntimeStatus.Pending,
            Input = await payloads.OffloadAsync(json, instanceId, cancellation),
        };
        await instances.CreateAsync(summary, instanceId, time.GetUtcNow(), cancellation);
        var start = new HistoryEvent(HistoryEventKind.ExecutionStarted) { Name = orchestratorName.Name, Input = json, ExecutionId = executionId };
        var message = new TaskMessage(executionId, instanceId, executionId, start) { NotBefore = startOptions?.StartAt?.UtcDateTime };
        try
        {
            await sender.SendAsync(new OutboundMessage(MessageTarget.Control, message), cancellation);
        }
        catch
        {
            await instances.DeleteAsync(instanceId, CancellationToken.None);
            throw;
        }

        return instanceId;
    }

    public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        return GetAsync(instanceId, getInputsAndOutputs, cancellation);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        instances.Query(filter ?? new OrchestrationQuery(), CancellationToken.None);

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var json = PayloadSerializer.Serialize(eventPayload, options.MaxPayloadBytes, "event payload");
        await SendControlAsync(instanceId, new HistoryEvent(HistoryEventKind.EventRaised) { Name = eventName, Input = json }, cancellation);
    }

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default) =>
        SendControlAsync(instanceId, new HistoryEvent(HistoryEventKind.ExecutionTerminated)
        {
            Input = PayloadSerializer.Serialize(output, options.MaxPayloadBytes, "termination reason"),
        }, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendControlAsync(instanceId, new HistoryEvent(HistoryEventKind.ExecutionSuspended) { Input = DurableJson.Serialize(reason) }, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendControlAsync(instanceId, new HistoryEvent(HistoryEventKind.ExecutionResumed) { Input = DurableJson.Serialize(reason) }, cancellation);

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        var metadata = await GetAsync(instanceId, false, cancellation);
        if (metadata is null || !metadata.IsCompleted)
        {
            return new PurgeResult(0);
        }

        await history.DeleteAllAsync(instanceId, cancellation);
        await payloads.DeleteForInstanceAsync(instanceId, cancellation);
        await instances.DeleteAsync(instanceId, cancellation);
        return new PurgeResult(1);
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statuses = filter.Statuses?.Intersect(s_finished).ToList() ?? [.. s_finished];
        if (statuses.Count == 0)
        {
            return new PurgeResult(0);
        }

        var query = new OrchestrationQuery { CreatedFrom = filter.CreatedFrom, CreatedTo = filter.CreatedTo, Statuses = statuses, PageSize = 1000 };
        var ids = new List<string>();
        await foreach (var instance in instances.Query(query, cancellation))
        {
            ids.Add(instance.InstanceId);
        }

        var purged = 0;
        foreach (var id in ids)
        {
            purged += (await PurgeInstanceAsync(id, cancellation)).PurgedInstanceCount;
        }

        return new PurgeResult(purged);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    private Task<OrchestrationMetadata?> GetAsync(string instanceId, bool withPayloads, CancellationToken cancellation) =>
        hub.EnsureCreatedAsync().ContinueWith(_ => instances.GetAsync(instanceId, withPayloads, cancellation), cancellation, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

    private async Task SendControlAsync(string instanceId, HistoryEvent e, CancellationToken cancellation)
    {
        InstanceIds.Validate(instanceId);
        if (await GetAsync(instanceId, false, cancellation) is null)
        {
            throw new InvalidOperationException($"Orchestration instance '{instanceId}' does not exist.");
        }

        var message = new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, null, e);
        await sender.SendAsync(new OutboundMessage(MessageTarget.Control, message), cancellation);
    }

    private async Task<OrchestrationMetadata> PollAsync(string instanceId, bool withPayloads, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        InstanceIds.Validate(instanceId);
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var metadata = await GetAsync(instanceId, withPayloads, cancellation);
            if (metadata is not null && done(metadata))
            {
                return metadata;
            }

            // Pacing only (not a clock read): poll quickly at first, then back off to one second.
            await Task.Delay(delay, cancellation);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 1000));
        }
    }
}
