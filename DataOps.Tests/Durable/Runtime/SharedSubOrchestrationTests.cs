using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>
/// Two orchestrations asking for the same sub-orchestration instance id while it runs: the first one's child runs and
/// answers it; the second is told at once that the id is taken instead of waiting for an answer that never comes.
/// </summary>
public sealed class SharedSubOrchestrationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DurableTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await DurableTestHost.StartAsync(azurite.ConnectionString, AzuriteFixture.UniqueName("Shared"), t => t
            .AddOrchestrator<SharedChildCaller>().AddOrchestrator<TestTasks.Approval>());

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SecondParent_ChildIdAlreadyRunning_FailsFastWithAlreadyExistsAndFirstParentGetsTheResult()
    {
        var child = "child-" + Guid.NewGuid().ToString("N");
        var first = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SharedChildCaller), child, cancellation: Ct);
        await Eventually.HoldsAsync(
            async () => (await _host.Client.GetInstanceAsync(child, false, Ct))?.RuntimeStatus == OrchestrationRuntimeStatus.Running,
            "the child runs, waiting for its approval",
            TimeSpan.FromSeconds(30));

        var second = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SharedChildCaller), child, cancellation: Ct);
        var rejected = await WaitAsync(second);
        await _host.Client.RaiseEventAsync(child, "approval", "yes", Ct);
        var answered = await WaitAsync(first);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, rejected.RuntimeStatus);
        Assert.StartsWith("rejected:", rejected.ReadOutputAs<string>(), StringComparison.Ordinal);
        Assert.Equal("approved:yes", answered.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _host.Client.GetInstanceAsync(child, false, Ct))!.RuntimeStatus);
    }

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        return await _host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
    }

    /// <summary>Calls the approval orchestration under the given instance id; reports a refused start.</summary>
    public sealed class SharedChildCaller : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            try
            {
                return await context.CallSubOrchestratorAsync<string>(nameof(TestTasks.Approval), null, new SubOrchestrationOptions(input));
            }
            catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<OrchestrationAlreadyExistsException>())
            {
                return "rejected:" + ex.FailureDetails.ErrorMessage;
            }
        }
    }
}
