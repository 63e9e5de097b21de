using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// Runs the task hub: on start creates it where absent and starts a <see cref="TaskHubWorker"/> with every registered
/// orchestrator and activity and the worker's telemetry middleware (<see cref="WorkflowTelemetry"/>); on stop lets
/// in-flight work items finish (forcing only if the host's shutdown time runs out).
/// </summary>
internal sealed class TaskHubWorkerHost : IHostedService, IDisposable
{
    private readonly TaskHubService _service;
    private readonly TaskHubWorkerRegistry _registry;
    private readonly IServiceScopeFactory _scopes;
    private readonly TaskHubOptions _options;
    private readonly DataConverter _converter;
    private readonly ILoggerFactory _loggerFactory;
    private readonly WorkflowTelemetry _telemetry;
    private TaskHubWorker? _worker;

    /// <summary>Creates the host; nothing runs until <see cref="StartAsync"/>.</summary>
    internal TaskHubWorkerHost(
        TaskHubService service,
        TaskHubWorkerRegistry registry,
        IServiceScopeFactory scopes,
        TaskHubOptions options,
        DataConverter converter,
        ILoggerFactory loggerFactory,
        WorkflowTelemetry telemetry)
    {
        _service = service;
        _registry = registry;
        _scopes = scopes;
        _options = options;
        _converter = converter;
        _loggerFactory = loggerFactory;
        _telemetry = telemetry;
    }

    /// <summary>The running worker, for adding DurableTask.Core middleware before start or inspecting it; <c>null</c> before start.</summary>
    public TaskHubWorker? Worker => _worker;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _service.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var shims = new DurableTaskShimFactory(
            new DurableTaskWorkerOptions { DataConverter = _converter, MaximumTimerInterval = _options.MaxTimerInterval },
            _loggerFactory);
        var worker = new TaskHubWorker(_service.Service, _loggerFactory)
        {
            // Without this the worker keeps only a serialized exception and the SDK's failure details stay empty.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };

        // First, so the episode and activity spans and timings wrap any middleware added later.
        _telemetry.Attach(worker);
        foreach (var (name, type) in _registry.Orchestrators)
        {
            // An orchestration shim holds the state of the execution it runs: a new one, over a new orchestrator, per work item.
            worker.AddTaskOrchestrations(new ShimObjectCreator<TaskOrchestration>(
                name, () => shims.CreateOrchestration(name, (ITaskOrchestrator)Activator.CreateInstance(type)!)));
        }

        foreach (var (name, type) in _registry.Activities)
        {
            var activity = new ScopedActivity(_scopes, type);
            worker.AddTaskActivities(new ShimObjectCreator<TaskActivity>(name, () => shims.CreateActivity(name, activity)));
        }

        await worker.StartAsync().ConfigureAwait(false);
        _worker = worker;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not { } worker)
        {
            return;
        }

        var graceful = worker.StopAsync(isForced: false);
        var finished = await Task.WhenAny(graceful, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        if (finished != graceful)
        {
            await worker.StopAsync(isForced: true).ConfigureAwait(false);
        }
        else
        {
            await graceful.ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _worker?.Dispose();
}
