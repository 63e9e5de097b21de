using DataOps.Durable;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>
/// Storage that is not there when a host starts, or goes away while it runs, must not kill the host: the worker
/// keeps trying and works as soon as storage answers. Each test runs its own Azurite so it can control when it exists.
/// </summary>
public sealed class StorageOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Worker_StartedBeforeStorageExists_StartsAndWorksOnceStorageAnswers()
    {
        var ports = PortAllocator.GetFreePorts(3);
        var connection = AzuriteProcess.ConnectionStringFor(ports);
        await using var host = await DurableTestHost.StartAsync(connection, "Outage", t => t.AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>());

        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Ports = ports }, Ct);
        var id = await Eventually.ValueAsync(
            async () =>
            {
                try
                {
                    return await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "s", cancellation: Ct);
                }
                catch (Azure.RequestFailedException)
                {
                    return null;
                }
            },
            static id => id is not null,
            TimeSpan.FromSeconds(30),
            "the client reaches the new storage");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync(id!, true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("s+++", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Worker_StorageRestartsMidRun_KeepsRunningAndFinishesLaterWork()
    {
        var location = Path.Combine(Path.GetTempPath(), "dataops-outage-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = location }, Ct);
            var ports = azurite.Ports;
            await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, "Restart", t => t.AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>());
            var first = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "a", cancellation: Ct);
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct))
            {
                timeout.CancelAfter(TimeSpan.FromSeconds(60));
                await host.Client.WaitForInstanceCompletionAsync(first, false, timeout.Token);
            }

            await azurite.StopGracefullyAsync(TimeSpan.FromSeconds(30));
            // Every loop of the worker meets refused connections until storage is back; none of them may end the worker.
            await Assert.ThrowsAsync<Azure.RequestFailedException>(() => host.Client.GetInstanceAsync(first, false, Ct));
            await using var restarted = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = location, Ports = ports }, Ct);

            var second = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "b", cancellation: Ct);
            using var again = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            again.CancelAfter(TimeSpan.FromSeconds(90));
            var done = await host.Client.WaitForInstanceCompletionAsync(second, true, again.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal("b+++", done.ReadOutputAs<string>());
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(first, false, Ct))!.RuntimeStatus);
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }
}
