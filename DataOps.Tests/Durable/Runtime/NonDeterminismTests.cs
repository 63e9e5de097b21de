using DataOps.Durable;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>An orchestrator changed between runs fails its running instances with an error naming the mismatch.</summary>
public sealed class NonDeterminismTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replay_OrchestratorChangedWhileRunning_FailsNamingBothSteps()
    {
        var hub = AzuriteFixture.UniqueName("nd");
        string id;
        await using (var first = await DurableTestHost.StartAsync(azurite.ConnectionString, hub, b => b
            .AddOrchestrator("Versioned", typeof(VersionOne)).AddActivity<TestTasks.Append>().AddActivity<TestTasks.Square>()))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Versioned", "v", cancellation: Ct);
            await Eventually.ValueAsync(() => first.Client.GetInstanceAsync(id, true, Ct), m => m?.ReadCustomStatusAs<string>() == "waiting", TimeSpan.FromSeconds(60), "waiting");
        }

        await using var second = await DurableTestHost.StartAsync(azurite.ConnectionString, hub, b => b
            .AddOrchestrator("Versioned", typeof(VersionTwo)).AddActivity<TestTasks.Append>().AddActivity<TestTasks.Square>());
        await second.Client.RaiseEventAsync(id, "go", null, Ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var done = await second.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.True(done.FailureDetails!.IsCausedBy<NonDeterministicOrchestrationException>());
        Assert.Contains("activity 'Append' (#0)", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'Square' (#0)", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    private sealed class VersionOne : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var a = await context.CallActivityAsync<string>(nameof(TestTasks.Append), input);
            context.SetCustomStatus("waiting");
            await context.WaitForExternalEvent<object?>("go");
            return a;
        }
    }

    private sealed class VersionTwo : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var a = await context.CallActivityAsync<long>(nameof(TestTasks.Square), 3);
            await context.WaitForExternalEvent<object?>("go");
            return a.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
