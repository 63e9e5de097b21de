using System.Diagnostics;
using DataOps.LocalHost.TaskHub;
using DataOps.Tests.Infrastructure;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using static DataOps.Tests.LocalHost.TaskHub.ClientTestTasks;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>
/// The durable client adapter against a real task hub on Azurite, with a real worker running SDK orchestrators.
/// Each test uses instance ids (or an id prefix, or a creation-time window) of its own, so tests never see each
/// other's instances in the shared hub.
/// </summary>
public sealed class TaskHubDurableTaskClientTests(TaskHubWorkerFixture hub) : IClassFixture<TaskHubWorkerFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private TaskHubDurableTaskClient Client => hub.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_NoInstanceId_GeneratesIdAndRuns()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "ada", Ct);

        Assert.Matches("^[0-9a-f]{32}$", id);
        var done = await WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("ADA!", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_GivenInstanceId_UsesIt()
    {
        var given = NewId("given");

        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "bob", new StartOrchestrationOptions(given), Ct);

        Assert.Equal(given, id);
        var done = await WaitForCompletionAsync(given);
        Assert.Equal(given, done.InstanceId);
        Assert.Equal(nameof(Greet), done.Name);
        Assert.Equal("BOB!", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_StartAt_StaysPendingUntilThen()
    {
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3);

        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "later", new StartOrchestrationOptions(StartAt: startAt), Ct);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await Client.GetInstanceAsync(id, Ct))!.RuntimeStatus);
        using var limit = Limit();
        var started = await Client.WaitForInstanceStartAsync(id, limit.Token);
        var seenAt = DateTimeOffset.UtcNow;
        Assert.NotEqual(OrchestrationRuntimeStatus.Pending, started.RuntimeStatus);

        // The start message is hidden in the queue until the start time; queue visibility counts whole seconds,
        // so allow the one second the backend may round off.
        Assert.True(seenAt >= startAt.AddSeconds(-1), $"started at {seenAt:O}, asked for {startAt:O}");
        Assert.Equal("LATER!", (await WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_UnfinishedInstanceWithSameId_ThrowsAlreadyExists()
    {
        var id = NewId("dup");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), null, new StartOrchestrationOptions(id), Ct);

        // Pending (not yet picked up), then Running: both keep their id.
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "again", new StartOrchestrationOptions(id), Ct));
        using var limit = Limit();
        await Client.WaitForInstanceStartAsync(id, limit.Token);
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "again", new StartOrchestrationOptions(id), Ct));

        var still = (await Client.GetInstanceAsync(id, Ct))!;
        Assert.Equal(nameof(AwaitApproval), still.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Running, still.RuntimeStatus);
        await Client.TerminateInstanceAsync(id, Ct);
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_FinishedInstanceWithSameId_StartsNewExecution()
    {
        var id = NewId("rerun");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "one", new StartOrchestrationOptions(id), Ct);
        await WaitForCompletionAsync(id);

        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "two", new StartOrchestrationOptions(id), Ct);

        var second = await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct),
            m => m is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } && m.ReadOutputAs<string>() == "TWO!",
            WaitLimit,
            "the second execution completed");
        Assert.Equal("two", second!.ReadInputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_FinishedStatusInDedupeStatuses_ThrowsAlreadyExists()
    {
        var id = NewId("dedupe");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "once", new StartOrchestrationOptions(id), Ct);
        await WaitForCompletionAsync(id);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(Greet), "twice", new StartOrchestrationOptions(id) { DedupeStatuses = ["Completed"] }, Ct));

        Assert.Equal("once", (await Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct))!.ReadInputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_EmptyDedupeStatuses_ReplacesRunningInstance()
    {
        var id = NewId("replace");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), null, new StartOrchestrationOptions(id), Ct);
        using var limit = Limit();
        await Client.WaitForInstanceStartAsync(id, limit.Token);

        await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(Greet), "new", new StartOrchestrationOptions(id) { DedupeStatuses = [] }, limit.Token);

        var replaced = await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct),
            m => m is { RuntimeStatus: OrchestrationRuntimeStatus.Completed },
            WaitLimit,
            "the replacing execution completed");
        Assert.Equal(nameof(Greet), replaced!.Name);
        Assert.Equal("NEW!", replaced.ReadOutputAs<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("@entity@key")]
    [InlineData("has/slash")]
    [InlineData("hash#tag")]
    [InlineData("tab\there")]
    public async Task ScheduleNewOrchestrationInstanceAsync_IllegalInstanceId_ThrowsArgumentException(string instanceId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "x", new StartOrchestrationOptions(instanceId), Ct));
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_InstanceIdOverLimit_ThrowsArgumentException()
    {
        var id = new string('a', TaskHubDurableTaskClient.MaxInstanceIdLength + 1);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "x", new StartOrchestrationOptions(id), Ct));
    }

    [Fact]
    public async Task GetInstanceAsync_WithoutInputsAndOutputs_LeavesPayloadsOut()
    {
        var before = DateTimeOffset.UtcNow;
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Describe), new Order("A-1", 2), Ct);
        await WaitForCompletionAsync(id);

        var metadata = (await Client.GetInstanceAsync(id, getInputsAndOutputs: false, Ct))!;

        Assert.Equal(nameof(Describe), metadata.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.InRange(metadata.CreatedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.True(metadata.LastUpdatedAt >= metadata.CreatedAt);
        Assert.Null(metadata.SerializedInput);
        Assert.Null(metadata.SerializedOutput);
        Assert.Null(metadata.SerializedCustomStatus);
        Assert.Null(metadata.FailureDetails);
    }

    [Fact]
    public async Task GetInstanceAsync_WithInputsAndOutputs_ReadsJsonEncodedOnceByTheSharedConverter()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Describe), new Order("A-1", 2), Ct);
        await WaitForCompletionAsync(id);

        var metadata = (await Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct))!;

        // camelCase: the configured converter wrote it; an object, not a string literal: encoded once.
        Assert.Equal("""{"sku":"A-1","quantity":2}""", metadata.SerializedInput);
        Assert.Equal("\"2 x A-1\"", metadata.SerializedOutput);
        Assert.Equal(new Order("A-1", 2), metadata.ReadInputAs<Order>());
        Assert.Equal("2 x A-1", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task GetInstanceAsync_UnknownInstance_ReturnsNull()
    {
        Assert.Null(await Client.GetInstanceAsync(NewId("nobody"), getInputsAndOutputs: true, Ct));
    }

    [Fact]
    public async Task GetAllInstancesAsync_MoreInstancesThanPageSize_PagesWithContinuationToken()
    {
        var prefix = NewId("page") + "-";
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), $"p{i}", new StartOrchestrationOptions($"{prefix}{i}"), Ct));
        }

        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 2 };
        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in Client.GetAllInstancesAsync(query).AsPages().WithCancellation(Ct))
        {
            pages.Add(page);
        }

        Assert.True(pages.Count >= 3, $"expected at least 3 pages of at most 2, got {pages.Count}");
        Assert.All(pages, p => Assert.InRange(p.Values.Count, 0, 2));
        Assert.All(pages.SkipLast(1), p => Assert.False(string.IsNullOrEmpty(p.ContinuationToken)));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(ids, pages.SelectMany(p => p.Values).Select(m => m.InstanceId).ToHashSet());

        // A query that starts from the first page's token returns exactly the rest.
        var first = pages[0];
        var rest = new List<string>();
        await foreach (var m in Client.GetAllInstancesAsync(query with { ContinuationToken = first.ContinuationToken }).WithCancellation(Ct))
        {
            rest.Add(m.InstanceId);
        }

        Assert.Equal(ids.Except(first.Values.Select(m => m.InstanceId)).Order(), rest.Order());

        foreach (var id in ids)
        {
            await WaitForCompletionAsync(id);
        }
    }

    [Fact]
    public async Task GetAllInstancesAsync_StatusCreatedTimeAndPayloadFilters_ReturnOnlyMatches()
    {
        var prefix = NewId("filter") + "-";
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var done = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "done", new StartOrchestrationOptions(prefix + "done"), Ct);
        var waiting = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), null, new StartOrchestrationOptions(prefix + "waiting"), Ct);
        await WaitForCompletionAsync(done);
        using var limit = Limit();
        await Client.WaitForInstanceStartAsync(waiting, limit.Token);
        var to = DateTimeOffset.UtcNow.AddSeconds(1);

        Assert.Equal([done], await QueryIdsAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = [OrchestrationRuntimeStatus.Completed] }));
        Assert.Equal([waiting], await QueryIdsAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = [OrchestrationRuntimeStatus.Running] }));
        Assert.Equal([done, waiting], await QueryIdsAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, CreatedFrom = from, CreatedTo = to }));
        Assert.Empty(await QueryIdsAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, CreatedFrom = to }));
        Assert.Empty(await QueryIdsAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, CreatedTo = from }));

        var withPayloads = await QueryAsync(new OrchestrationQuery { InstanceIdPrefix = prefix + "done", FetchInputsAndOutputs = true });
        Assert.Equal("DONE!", Assert.Single(withPayloads).ReadOutputAs<string>());
        var withoutPayloads = await QueryAsync(new OrchestrationQuery { InstanceIdPrefix = prefix + "done" });
        Assert.Null(Assert.Single(withoutPayloads).SerializedOutput);

        await Client.TerminateInstanceAsync(waiting, Ct);
    }

    [Fact]
    public async Task GetAllInstancesAsync_FailedInstanceWithPayloads_CarriesErrorTypeAndMessage()
    {
        var prefix = NewId("failq") + "-";
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Explode), "paged", new StartOrchestrationOptions(prefix + "x"), Ct);
        await WaitForCompletionAsync(id);

        var failed = Assert.Single(await QueryAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, FetchInputsAndOutputs = true }));
        var bare = Assert.Single(await QueryAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.FailureDetails?.ErrorType);
        Assert.Equal("boom: paged", failed.FailureDetails?.ErrorMessage);
        Assert.Null(bare.FailureDetails);
    }

    [Fact]
    public async Task RaiseEventAsync_WaitingOrchestration_CompletesWithEventPayload()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), Ct);
        await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct),
            m => m?.ReadCustomStatusAs<string>() == WaitingStatus,
            WaitLimit,
            "the orchestration waits for the event");

        await Client.RaiseEventAsync(id, ApprovalEvent, new Approval("ops", Approved: true), Ct);

        var done = await WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new Approval("ops", true), done.ReadOutputAs<Approval>());
    }

    [Fact]
    public async Task TerminateInstanceAsync_RunningInstance_EndsTerminatedWithOutput()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), Ct);
        using var limit = Limit();
        await Client.WaitForInstanceStartAsync(id, limit.Token);

        await Client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = new Approval("admin", Approved: false) }, Ct);

        var done = await WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal(new Approval("admin", false), done.ReadOutputAs<Approval>());
    }

    [Fact]
    public async Task GetOrchestrationHistoryAsync_CompletedInstance_ReadsTheEventsAsTheirCoreTypesInOrder()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "eve", Ct);
        await WaitForCompletionAsync(id);

        var history = await Client.GetOrchestrationHistoryAsync(id, Ct);

        var started = Assert.IsType<ExecutionStartedEvent>(history.First(e => e is not OrchestratorStartedEvent));
        Assert.Equal(nameof(Greet), started.Name);
        var scheduled = Assert.Single(history.OfType<TaskScheduledEvent>());
        Assert.Equal(nameof(Shout), scheduled.Name);
        var completed = Assert.Single(history.OfType<TaskCompletedEvent>());
        Assert.Equal(scheduled.EventId, completed.TaskScheduledId);
        Assert.Contains("EVE", completed.Result, StringComparison.Ordinal);
        var end = Assert.IsType<ExecutionCompletedEvent>(history.Last(e => e is not OrchestratorCompletedEvent));
        Assert.Equal(DurableTask.Core.OrchestrationStatus.Completed, end.OrchestrationStatus);
        Assert.True(history.IndexOf(scheduled) < history.IndexOf(completed));
        Assert.All(history, e => Assert.NotEqual(default, e.Timestamp));
    }

    [Fact]
    public async Task GetOrchestrationHistoryAsync_TerminatedInstance_EndsWithTheTermination()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), Ct);
        using var limit = Limit();
        await Client.WaitForInstanceStartAsync(id, limit.Token);
        await Client.TerminateInstanceAsync(id, "no longer needed", Ct);
        await WaitForCompletionAsync(id);

        var history = await Client.GetOrchestrationHistoryAsync(id, Ct);

        var terminated = Assert.Single(history.OfType<ExecutionTerminatedEvent>());
        Assert.Contains("no longer needed", terminated.Input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrchestrationHistoryAsync_UnknownInstance_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.GetOrchestrationHistoryAsync(NewId("unknown"), Ct));
    }

    [Fact]
    public async Task TerminateInstanceAsync_Recursive_ThrowsNotSupported()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            Client.TerminateInstanceAsync(NewId("rec"), new TerminateInstanceOptions { Recursive = true }, Ct));
    }

    [Fact]
    public async Task SuspendInstanceAsync_RunningInstance_HoldsEventsUntilResumed()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), Ct);
        using var limit = Limit();
        await Client.WaitForInstanceStartAsync(id, limit.Token);

        await Client.SuspendInstanceAsync(id, "maintenance", Ct);
        await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(id, Ct),
            m => m?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended,
            WaitLimit,
            "the instance is suspended");
        await Client.RaiseEventAsync(id, ApprovalEvent, new Approval("ops", Approved: true), Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await Client.GetInstanceAsync(id, Ct))!.RuntimeStatus);

        await Client.ResumeInstanceAsync(id, "done", Ct);

        var done = await WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new Approval("ops", true), done.ReadOutputAs<Approval>());
    }

    [Fact]
    public async Task PurgeInstanceAsync_FinishedInstance_DeletesIt()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "gone", Ct);
        await WaitForCompletionAsync(id);

        var result = await Client.PurgeInstanceAsync(id, Ct);

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(id, Ct));
    }

    [Fact]
    public async Task PurgeInstanceAsync_RunningInstance_ThrowsAndKeepsIt()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), Ct);
        using var limit = Limit();
        await Client.WaitForInstanceStartAsync(id, limit.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.PurgeInstanceAsync(id, Ct));

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Client.GetInstanceAsync(id, Ct))!.RuntimeStatus);
        await Client.TerminateInstanceAsync(id, Ct);
    }

    [Fact]
    public async Task PurgeInstanceAsync_UnknownInstance_PurgesNothing()
    {
        var result = await Client.PurgeInstanceAsync(NewId("nobody"), Ct);

        Assert.Equal(0, result.PurgedInstanceCount);
    }

    [Fact]
    public async Task PurgeAllInstancesAsync_CreatedWindow_PurgesOnlyFinishedInstancesOfTheGivenStatuses()
    {
        // One millisecond of slack for a store that keeps times to the millisecond; every earlier test ended at least
        // one storage round trip after its last start, so none of its instances falls in this window.
        var from = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var completed = new[]
        {
            await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "c1", Ct),
            await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "c2", Ct),
        };
        var failed = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Explode), "f", Ct);
        var running = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), Ct);
        foreach (var id in completed.Append(failed))
        {
            await WaitForCompletionAsync(id);
        }

        using var limit = Limit();
        await Client.WaitForInstanceStartAsync(running, limit.Token);
        var to = DateTimeOffset.UtcNow;

        var onlyCompleted = await Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, to, [OrchestrationRuntimeStatus.Completed]), Ct);
        var onlyRunning = await Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, to, [OrchestrationRuntimeStatus.Running]), Ct);
        var anyStatus = await Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, to), Ct);

        Assert.Equal(2, onlyCompleted.PurgedInstanceCount);
        Assert.Equal(0, onlyRunning.PurgedInstanceCount);
        Assert.Equal(1, anyStatus.PurgedInstanceCount);
        foreach (var id in completed.Append(failed))
        {
            Assert.Null(await Client.GetInstanceAsync(id, Ct));
        }

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Client.GetInstanceAsync(running, Ct))!.RuntimeStatus);
        await Client.TerminateInstanceAsync(running, Ct);
    }

    [Fact]
    public async Task WaitForInstanceStartAsync_NotStartedBeforeCancellation_ThrowsOperationCanceled()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(Greet), "much later", new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddHours(1)), Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.WaitForInstanceStartAsync(id, cancel.Token));

        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await Client.GetInstanceAsync(id, Ct))!.RuntimeStatus);
    }

    [Fact]
    public async Task WaitForInstanceCompletionAsync_RunningPastCancellation_ThrowsOperationCanceled()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.WaitForInstanceCompletionAsync(id, cancel.Token));

        await Client.TerminateInstanceAsync(id, Ct);
    }

    [Fact]
    public async Task WaitForInstanceCompletionAsync_FailedOrchestration_ReportsFailureDetails()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Explode), "kaboom", Ct);

        var done = await WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        var failure = Assert.IsType<TaskFailureDetails>(done.FailureDetails);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.ErrorType);
        Assert.Equal("boom: kaboom", failure.ErrorMessage);
        Assert.Contains(nameof(Explode), failure.StackTrace, StringComparison.Ordinal);
        Assert.True(failure.IsCausedBy<InvalidOperationException>());
        Assert.Null((await Client.GetInstanceAsync(id, getInputsAndOutputs: false, Ct))!.FailureDetails);
    }

    [Fact]
    public async Task RestartAsync_FinishedInstance_RunsAgainWithTheOriginalInput()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Describe), new Order("R-9", 3), Ct);
        var first = await WaitForCompletionAsync(id);

        var copy = await Client.RestartAsync(id, restartWithNewInstanceId: true, Ct);
        var same = await Client.RestartAsync(id, restartWithNewInstanceId: false, Ct);

        Assert.NotEqual(id, copy);
        Assert.Equal(id, same);
        Assert.Equal("3 x R-9", (await WaitForCompletionAsync(copy)).ReadOutputAs<string>());
        var rerun = await WaitForCompletionAsync(id);
        Assert.True(rerun.CreatedAt > first.CreatedAt, "the instance ran again as a new execution");
        Assert.Equal("""{"sku":"R-9","quantity":3}""", rerun.SerializedInput);
        Assert.Equal("3 x R-9", rerun.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RestartAsync_UnknownInstance_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.RestartAsync(NewId("nobody"), cancellation: Ct));
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_InsideATrace_CarriesTheTraceToTheInstance()
    {
        using var span = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();

        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), "traced", Ct);

        span.Stop();
        await WaitForCompletionAsync(id);
        var history = await hub.Service.GetOrchestrationHistoryAsync(id, null);
        Assert.Contains(span.TraceId.ToHexString(), history, StringComparison.Ordinal);
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static CancellationTokenSource Limit()
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(WaitLimit);
        return limit;
    }

    private async Task<OrchestrationMetadata> WaitForCompletionAsync(string id)
    {
        using var limit = Limit();
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, limit.Token);
    }

    private async Task<List<OrchestrationMetadata>> QueryAsync(OrchestrationQuery query)
    {
        var found = new List<OrchestrationMetadata>();
        await foreach (var m in Client.GetAllInstancesAsync(query).WithCancellation(Ct))
        {
            found.Add(m);
        }

        return found;
    }

    private async Task<List<string>> QueryIdsAsync(OrchestrationQuery query) =>
        [.. (await QueryAsync(query)).Select(m => m.InstanceId).Order(StringComparer.Ordinal)];
}
