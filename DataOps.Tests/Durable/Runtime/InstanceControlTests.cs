using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>External events, timers, terminate, suspend/resume, purge and query on a real Azurite task hub.</summary>
public sealed class InstanceControlTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly string _prefix = AzuriteFixture.UniqueName("q");
    private DurableTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DurableTaskClient Client => _host.Client;

    public async ValueTask InitializeAsync() =>
        _host = await DurableTestHost.StartAsync(azurite.ConnectionString, AzuriteFixture.UniqueName("ctl"), b => b
            .AddOrchestrator<TestTasks.Approval>().AddOrchestrator<TestTasks.ApprovalAfterDelay>()
            .AddOrchestrator<TestTasks.ApprovalWithTimeout>().AddOrchestrator<TestTasks.Sleeper>()
            .AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>());

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RaiseEvent_BeforeTheWait_IsBufferedAndDelivered()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.ApprovalAfterDelay), cancellation: Ct);
        await Client.RaiseEventAsync(id, "approval", "early", Ct);

        var done = await WaitAsync(id);

        Assert.Equal("approved:early", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEvent_AfterTheWait_CompletesTheWait()
    {
        var id = await StartWaitingAsync();

        await Client.RaiseEventAsync(id, "approval", "late", Ct);

        Assert.Equal("approved:late", (await WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_TimeoutElapses_ThrowsTaskCanceled()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.ApprovalWithTimeout), TimeSpan.FromMilliseconds(500), cancellation: Ct);

        Assert.Equal("timed out", (await WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task CreateTimer_OneSecond_FiresAfterItsTime()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sleeper), TimeSpan.FromSeconds(1), cancellation: Ct);

        var done = await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(done.ReadOutputAs<DateTime>() >= done.CreatedAt.UtcDateTime.AddSeconds(1));
    }

    [Fact]
    public async Task Terminate_WaitingInstance_EndsTerminatedWithReason()
    {
        var id = await StartWaitingAsync();

        await Client.TerminateInstanceAsync(id, "no longer needed", Ct);

        var done = await WaitAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("no longer needed", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SuspendResume_EventWhileSuspended_IsHeldUntilResume()
    {
        var id = await StartWaitingAsync();

        await Client.SuspendInstanceAsync(id, "maintenance", Ct);
        await Eventually.ValueAsync(() => Client.GetInstanceAsync(id, false, Ct), m => m!.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, s_timeout, "Suspended");
        await Client.RaiseEventAsync(id, "approval", "held", Ct);
        await Client.ResumeInstanceAsync(id, cancellation: Ct);

        Assert.Equal("approved:held", (await WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Purge_CompletedInstance_RemovesStateAndRunningOneIsKept()
    {
        var finished = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "p", cancellation: Ct);
        await WaitAsync(finished);
        var running = await StartWaitingAsync();

        var purged = await Client.PurgeInstanceAsync(finished, Ct);
        var notPurged = await Client.PurgeInstanceAsync(running, Ct);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Equal(0, notPurged.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(finished, cancellation: Ct));
        Assert.NotNull(await Client.GetInstanceAsync(running, cancellation: Ct));
    }

    [Fact]
    public async Task GetAllInstances_PrefixAndPageSize_PagesThroughEveryMatch()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(TestTasks.Approval), null, new StartOrchestrationOptions($"{_prefix}-{i}"), Ct));
        }

        var pages = new List<int>();
        var seen = new List<string>();
        await foreach (var page in Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = _prefix, PageSize = 2 }).AsPages())
        {
            pages.Add(page.Values.Count);
            seen.AddRange(page.Values.Select(v => v.InstanceId));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.All(pages, count => Assert.True(count <= 2));
        Assert.True(pages.Count >= 3);
        var none = Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = _prefix, Statuses = [OrchestrationRuntimeStatus.Failed] });
        Assert.Empty(await none.ToListAsync(Ct));
    }

    private async Task<string> StartWaitingAsync()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Approval), cancellation: Ct);
        await Eventually.ValueAsync(() => Client.GetInstanceAsync(id, true, Ct), m => m?.ReadCustomStatusAs<string>() == "waiting", s_timeout, "waiting status");
        return id;
    }

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(s_timeout);
        return await Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
    }
}
