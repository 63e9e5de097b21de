using Azure.Storage.Queues;
using DataOps.Tests.Infrastructure;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using static DataOps.Tests.LocalHost.TaskHub.TaskHubTestTasks;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>
/// What the old runtime promised, checked on the Durable extension as the local host runs it, on Azurite.
/// Each test uses instance ids of its own, so tests never see each other's instances in the shared hub.
/// </summary>
public sealed class TaskHubWorkerHostTests(TaskHubWorkerHostFixture engine) : IClassFixture<TaskHubWorkerHostFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(45);

    private DurableTaskClient Client => engine.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewId(string prefix) => AzuriteFixture.UniqueName(prefix);

    [Fact]
    public async Task ActivityExecution_EachCall_GetsOwnScopeDisposedAfterwards()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(StampTwice), "x", new StartOrchestrationOptions(NewId("scope")), Ct);

        var done = await WaitForStatusAsync(id, OrchestrationRuntimeStatus.Completed);

        var scopes = done.ReadOutputAs<string[]>()!.Select(Guid.Parse).ToArray();
        Assert.Equal(2, scopes.Distinct().Count());
        Assert.All(scopes, scope => Assert.True(ScopeProbe.Disposed[scope], "the activity's scope was not disposed"));
    }

    [Fact]
    public async Task ActivityInput_CannotBeDeserialized_InstanceFailsOnce()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(FeedText), "not a number", new StartOrchestrationOptions(NewId("badinput")), Ct);

        var done = await WaitForStatusAsync(id, OrchestrationRuntimeStatus.Failed);

        // The extension on Azure Storage keeps an out-of-process orchestration's failure as its output, not as failure details.
        Assert.Contains(nameof(TaskHubTestTasks.Double), done.FailureDetails?.ErrorMessage ?? done.SerializedOutput, StringComparison.Ordinal);
        Assert.Contains("activity input is not a valid Int32", done.FailureDetails?.ErrorMessage ?? done.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlQueueMessage_Malformed_MovedToPoisonQueueAfterMaxDequeueCount()
    {
        var queues = new QueueServiceClient(engine.Azurite.ConnectionString);
        var control = queues.GetQueueClient($"{engine.HubName.ToLowerInvariant()}-control-00");
        var marker = "malformed " + Guid.NewGuid().ToString("N");

        await control.SendMessageAsync("{ this is not a task message: " + marker, Ct);

        // The provider alone would abandon it with back-off (2 s, 4 s, ...) for ever, and the extension adds no bound
        // (it only logs the message as poison); the host moves it aside on the first delivery past MaxDequeueCount.
        await Eventually.HoldsAsync(
            async () =>
            {
                // The host creates the poison queue when it first moves a message there.
                if (!await engine.PoisonQueue.ExistsAsync(Ct))
                {
                    return false;
                }

                var poison = await engine.PoisonQueue.PeekMessagesAsync(32, Ct);
                return poison.Value.Any(m => m.MessageText.Contains(marker, StringComparison.Ordinal));
            },
            "the malformed message is in the poison queue",
            WaitLimit);
        var left = await control.PeekMessagesAsync(32, Ct);
        Assert.DoesNotContain(left.Value, m => m.MessageText.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateTimer_NineDays_ChainedIntoTimersWithinMaxTimerInterval()
    {
        var started = DateTime.UtcNow;
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Sleep), 9, new StartOrchestrationOptions(NewId("timer")), Ct);

        var timers = await Eventually.ValueAsync(
            () => TimerFireTimesAsync(id),
            fireAts => fireAts.Count > 0,
            WaitLimit,
            "the first timer is in the history");

        // The SDK splits the 9-day wait into 3-day timers (MaxTimerInterval): the first stored timer fires after
        // 3 days, not 9, so its queue message stays within storage's 7-day visibility limit.
        var first = Assert.Single(timers);
        Assert.InRange(first - started, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var state = await Client.GetInstanceAsync(id, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Running, state!.RuntimeStatus);
        await Client.TerminateInstanceAsync(id, cancellation: Ct);
    }

    [Fact]
    public async Task TerminateInstance_RightAfterSchedule_NoneStaysPending()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Sleep), 9, new StartOrchestrationOptions(NewId("race")), Ct);
            await Client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "stop" }, Ct);
            return id;
        }));

        foreach (var id in ids)
        {
            var state = await WaitForStatusAsync(id, OrchestrationRuntimeStatus.Terminated);
            Assert.Equal(OrchestrationRuntimeStatus.Terminated, state.RuntimeStatus);
        }
    }

    [Fact]
    public async Task PurgeAllInstances_TwoHundredCompleted_AllGoneWithinDeadline()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var prefix = NewId("purge");
        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Client.ScheduleNewOrchestrationInstanceAsync(nameof(Noop), "p", new StartOrchestrationOptions($"{prefix}-{i:D3}"), Ct)));

        await Eventually.HoldsAsync(
            async () => await CountAsync(prefix, OrchestrationRuntimeStatus.Completed) == ids.Length,
            "all 200 instances completed",
            TimeSpan.FromSeconds(60));
        var to = DateTimeOffset.UtcNow.AddSeconds(1);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        var purged = await Client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(from, to, [OrchestrationRuntimeStatus.Completed]), cancellation: deadline.Token);

        Assert.True(purged.PurgedInstanceCount >= ids.Length, $"purged {purged.PurgedInstanceCount}");
        Assert.Equal(0, await CountAsync(prefix, status: null));
    }

    private async Task<int> CountAsync(string prefix, OrchestrationRuntimeStatus? status)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 500, Statuses = status is null ? null : [status.Value] };
        var count = 0;
        await foreach (var unused in Client.GetAllInstancesAsync(query))
        {
            count++;
        }

        return count;
    }

    private async Task<IReadOnlyList<DateTime>> TimerFireTimesAsync(string id)
    {
        // The provider's history table: one row per history event, partitioned by instance id.
        var history = new Azure.Data.Tables.TableClient(engine.Azurite.ConnectionString, engine.HubName + "History");
        var fireAts = new List<DateTime>();
        await foreach (var row in history.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id, cancellationToken: Ct))
        {
            if (row.GetString(nameof(HistoryEvent.EventType)) == nameof(EventType.TimerCreated))
            {
                fireAts.Add(row.GetDateTime(nameof(TimerCreatedEvent.FireAt))!.Value.ToUniversalTime());
            }
        }

        return fireAts;
    }

    private async Task<OrchestrationMetadata> WaitForStatusAsync(string id, OrchestrationRuntimeStatus status) =>
        (await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct),
            state => state?.RuntimeStatus == status,
            WaitLimit,
            $"{id} is {status}"))!;
}
