using DataOps.Durable;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>The orchestration patterns end to end on a real Azurite task hub.</summary>
public sealed class OrchestrationPatternTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private DurableTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await DurableTestHost.StartAsync(azurite.ConnectionString, AzuriteFixture.UniqueName("pat"), b => b
            .AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>()
            .AddOrchestrator<TestTasks.FanOut>().AddActivity<TestTasks.Square>()
            .AddOrchestrator<TestTasks.Parent>()
            .AddOrchestrator<TestTasks.FlakyCaller>().AddActivity<TestTasks.Flaky>()
            .AddOrchestrator<TestTasks.Counter>());

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sequence_ThreeActivities_CompletesWithChainedOutput()
    {
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "a", cancellation: Ct);

        var done = await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("a+++", done.ReadOutputAs<string>());
        Assert.Equal("a", done.ReadInputAs<string>());
        Assert.Equal(3, TestTasks.ExecutionsOf(id, nameof(TestTasks.Append)));
    }

    [Fact]
    public async Task FanOut_HundredActivities_SumsAllResults()
    {
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.FanOut), 100, cancellation: Ct);

        var done = await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => (long)i * i), done.ReadOutputAs<long>());
    }

    [Fact]
    public async Task SubOrchestration_ChildCompletes_ParentGetsItsOutput()
    {
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Parent), "c", cancellation: Ct);

        var done = await WaitAsync(id);

        Assert.Equal("parent:c+++", done.ReadOutputAs<string>());
        var child = await _host.Client.GetInstanceAsync($"{id}:0000", true, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
    }

    [Theory]
    [InlineData(3, OrchestrationRuntimeStatus.Completed)]
    [InlineData(4, OrchestrationRuntimeStatus.Failed)]
    public async Task Retry_FailingActivity_RetriesUpToPolicyLimit(int succeedOnAttempt, OrchestrationRuntimeStatus expected)
    {
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.FlakyCaller), succeedOnAttempt, cancellation: Ct);

        var done = await WaitAsync(id);

        Assert.Equal(expected, done.RuntimeStatus);
        Assert.Equal(3, TestTasks.ExecutionsOf(id, nameof(TestTasks.Flaky)));
        if (expected == OrchestrationRuntimeStatus.Failed)
        {
            Assert.True(done.FailureDetails!.IsCausedBy<TaskFailedException>());
            Assert.Contains("attempt 3 failed", done.FailureDetails.InnerFailure!.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ContinueAsNew_Loop_EndsWithLastInputAndFreshHistory()
    {
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Counter), 0, cancellation: Ct);

        var done = await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(5, done.ReadOutputAs<int>());
        Assert.Equal(5, done.ReadInputAs<int>());
    }

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(s_timeout);
        return await _host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
    }
}
