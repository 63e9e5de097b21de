using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Moq;

namespace DataOps.Tests.Functions.Workflows;

/// <summary>A Moq'd orchestration context that records the activities and sub-orchestrations called, in order.</summary>
internal sealed class OrchestrationContextMock
{
    public static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private int _guids;

    public OrchestrationContextMock(string instanceId = "parent")
    {
        Mock.SetupGet(c => c.InstanceId).Returns(instanceId);
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        Mock.Setup(c => c.NewGuid()).Returns(() => new Guid(++_guids, 0, 0, new byte[8]));
        Mock.Setup(c => c.CallActivityAsync<object?>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((n, i, _) => Calls.Add((n.Name, i)))
            .ReturnsAsync((object?)true);
        Mock.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((n, i, _) => Calls.Add((n.Name, i)))
            .ReturnsAsync(true);
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback<DateTime, CancellationToken>((at, _) => Calls.Add(("timer", at)))
            .Returns<DateTime, CancellationToken>((_, token) => _controls.Count > 0 ? Never(token) : Task.CompletedTask);
        Mock.Setup(c => c.CallActivityAsync<DateTimeOffset>(It.Is<TaskName>(n => n.Name == nameof(StartGracePeriod)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((n, i, _) => Calls.Add((n.Name, i)))
            .Returns<TaskName, object?, TaskOptions?>((_, i, _) => Task.FromResult(((GracePeriodInput)i!).DeleteAfter));
        Mock.Setup(c => c.WaitForExternalEvent<TeardownControl>(TeardownControl.EventName, It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((_, token) => _controls.TryDequeue(out var control) ? Task.FromResult(control) : Never<TeardownControl>(token));
    }

    private readonly Queue<TeardownControl> _controls = new();

    /// <summary>Operator controls a teardown receives in its grace period, in order, each before its timer fires.</summary>
    public void TeardownControls(params TeardownControl[] controls)
    {
        foreach (var control in controls)
        {
            _controls.Enqueue(control);
        }
    }

    private static Task<bool> Never(CancellationToken token) => Never<bool>(token);

    private static Task<T> Never<T>(CancellationToken token)
    {
        var never = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => never.TrySetCanceled(token));
        return never.Task;
    }

    public Mock<TaskOrchestrationContext> Mock { get; } = new() { CallBase = true };

    public TaskOrchestrationContext Object => Mock.Object;

    /// <summary>Activity and sub-orchestration names with their inputs, in call order ("timer" for timers).</summary>
    public List<(string Name, object? Input)> Calls { get; } = [];

    public IEnumerable<string> CallNames => Calls.Select(c => c.Name);

    public void Activity<TResult>(string name, Func<object?, TResult> result)
        => Mock.Setup(c => c.CallActivityAsync<TResult>(It.Is<TaskName>(n => n.Name == name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((n, i, _) => Calls.Add((n.Name, i)))
            .Returns<TaskName, object?, TaskOptions?>((_, i, _) => Task.FromResult(result(i)));

    public void FailingActivity<TResult>(string name, string message)
        => Mock.Setup(c => c.CallActivityAsync<TResult>(It.Is<TaskName>(n => n.Name == name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((n, i, _) => Calls.Add((n.Name, i)))
            .ThrowsAsync(new TaskFailedException(name, 1, new TaskFailureDetails("System.InvalidOperationException", message, null, null, null)));

    public void SubOrchestration<TResult>(string name, Func<object?, TResult> result)
        => Mock.Setup(c => c.CallSubOrchestratorAsync<TResult>(It.Is<TaskName>(n => n.Name == name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((n, i, o) => Calls.Add((n.Name + "@" + (o as SubOrchestrationOptions)?.InstanceId, i)))
            .Returns<TaskName, object?, TaskOptions?>((_, i, _) => Task.FromResult(result(i)));

    /// <summary>
    /// Teardowns started through <see cref="StartTeardown"/> (recorded as <c>StartTeardown:{datasetId}</c>) whose result
    /// event carries <paramref name="result"/> (null: no event arrives, the wait times out). <paramref name="alreadyRunning"/>
    /// names datasets whose teardown another caller runs.
    /// </summary>
    public void Teardowns(Func<TeardownDatasetInput, TeardownDatasetResult?> result, params string[] alreadyRunning)
    {
        var started = new Dictionary<DatasetId, TeardownDatasetInput>();
        Mock.Setup(c => c.CallActivityAsync<bool>(It.Is<TaskName>(n => n.Name == nameof(StartTeardown)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((n, i, _) => Calls.Add(($"{n.Name}:{((TeardownDatasetInput)i!).DatasetId}", i)))
            .Returns<TaskName, object?, TaskOptions?>((_, i, _) =>
            {
                var input = (TeardownDatasetInput)i!;
                started[input.DatasetId] = input;
                return Task.FromResult(!alreadyRunning.Contains(input.DatasetId.Value));
            });
        Mock.Setup(c => c.WaitForExternalEvent<TeardownDatasetResult>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((name, _) =>
            {
                var datasetId = started.Keys.Single(id => LifecycleWorkflows.TeardownCompletedEvent(id) == name);
                return result(started[datasetId]) is { } done ? Task.FromResult(done) : Task.FromCanceled<TeardownDatasetResult>(new CancellationToken(true));
            });
    }
}
