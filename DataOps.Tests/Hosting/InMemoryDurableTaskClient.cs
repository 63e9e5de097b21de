using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using DataOps.Durable;
using DataOps.Durable.Client;

namespace DataOps.Tests.Hosting;

/// <summary>
/// A task hub client over a dictionary, standing in for the storage runtime in management API tests: an
/// "Approval" instance runs until it receives the event "approve" and completes with the event payload.
/// </summary>
public sealed class InMemoryDurableTaskClient(TimeProvider time) : DurableTaskClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, OrchestrationMetadata> _instances = new();

    public override string HubName => "TestHub";

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        if (orchestratorName.Name != "Approval")
        {
            throw new ArgumentException($"Unknown orchestrator '{orchestratorName.Name}'.", nameof(orchestratorName));
        }

        var id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var metadata = new OrchestrationMetadata(orchestratorName.Name, id)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            CreatedAt = time.GetUtcNow(),
            LastUpdatedAt = time.GetUtcNow(),
            SerializedInput = JsonSerializer.Serialize(input, Json),
        };
        return _instances.TryAdd(id, metadata) ? Task.FromResult(id) : throw new OrchestrationAlreadyExistsException();
    }

    public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Task.FromResult(_instances.TryGetValue(instanceId, out var m) ? m : null);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        AsyncPageable<OrchestrationMetadata>.FromPages([Page<OrchestrationMetadata>.FromValues([.. _instances.Values], null, new NoResponse())]);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        if (eventName == "approve")
        {
            Update(instanceId, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running
                ? m with { RuntimeStatus = OrchestrationRuntimeStatus.Completed, SerializedOutput = JsonSerializer.Serialize(eventPayload, Json) }
                : m);
        }

        return Task.CompletedTask;
    }

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default) =>
        Update(instanceId, m => m with { RuntimeStatus = OrchestrationRuntimeStatus.Terminated, SerializedOutput = JsonSerializer.Serialize(output, Json) });

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Update(instanceId, m => m with { RuntimeStatus = OrchestrationRuntimeStatus.Suspended });

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Update(instanceId, m => m with { RuntimeStatus = OrchestrationRuntimeStatus.Running });

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default) =>
        Task.FromResult(new PurgeResult(_instances.TryGetValue(instanceId, out var m) && m.IsCompleted && _instances.TryRemove(instanceId, out _) ? 1 : 0));

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default) =>
        Task.FromResult(new PurgeResult(_instances.Keys.Sum(id => PurgeInstanceAsync(id, cancellation).Result.PurgedInstanceCount)));

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Task.FromResult(_instances[instanceId]);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Task.FromResult(_instances[instanceId]);

    private Task Update(string id, Func<OrchestrationMetadata, OrchestrationMetadata> change)
    {
        _instances.AddOrUpdate(id, _ => throw new InvalidOperationException($"No instance {id}."), (_, m) => change(m) with { LastUpdatedAt = time.GetUtcNow() });
        return Task.CompletedTask;
    }

    private sealed class NoResponse : Response
    {
        public override int Status => 200;

        public override string ReasonPhrase => "OK";

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = string.Empty;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<Azure.Core.HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, out string value)
        {
            value = string.Empty;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
        {
            values = [];
            return false;
        }
    }
}
