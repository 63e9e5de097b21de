using DataOps.Durable;
using DataOps.Durable.Runtime;
using DataOps.Durable.Runtime.Storage;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>A message whose delivery always fails ends in the poison queue and fails its instance with the reason.</summary>
public sealed class PoisonMessageTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WorkItem_DeliveryAlwaysFails_MovesToPoisonAndFailsInstance()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, AzuriteFixture.UniqueName("poison"),
            b => b.AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>(),
            services => services.AddSingleton<IDurableFaultInjector, AlwaysFailingDelivery>(),
            o => o.MaxDequeueCount = 3);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "p", cancellation: Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("PoisonMessage", done.FailureDetails!.ErrorType);
        Assert.Contains("more than maxDequeueCount (3)", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        var poison = await host.Services.GetRequiredService<TaskHubStorage>().Poison.PeekMessagesAsync(32, Ct);
        var message = Assert.Single(poison.Value);
        Assert.Contains(id, message.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, TestTasks.ExecutionsOf(id, nameof(TestTasks.Append)));
    }

    private sealed class AlwaysFailingDelivery : IDurableFaultInjector
    {
        public ValueTask OnAsync(FaultPoint point, string instanceId, string? taskName, CancellationToken cancellationToken) =>
            point == FaultPoint.BeforeActivity ? throw new IOException("delivery keeps failing") : ValueTask.CompletedTask;
    }
}
