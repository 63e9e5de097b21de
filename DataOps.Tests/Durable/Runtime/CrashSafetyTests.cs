using DataOps.Durable;
using DataOps.Durable.Runtime;
using DataOps.Durable.Runtime.Storage;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>
/// A worker dies (no graceful shutdown) at a point of the commit protocol; a new worker finishes the instance
/// with no duplicated history event and no activity run more than twice.
/// </summary>
public sealed class CrashSafetyTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FaultPoint.AfterSendBeforeHistory, 1)]
    [InlineData(FaultPoint.AfterHistoryBeforeInstance, 2)]
    internal async Task Worker_CrashesInsideCommit_NewWorkerCompletesWithoutDuplicates(FaultPoint point, int episode)
    {
        var hub = AzuriteFixture.UniqueName("crash");
        var injector = new CrashInjector(point, episode);
        string id;
        await using (var doomed = await DurableTestHost.StartAsync(azurite.ConnectionString, hub,
            b => b.AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>(),
            services => services.AddSingleton<IDurableFaultInjector>(injector)))
        {
            injector.Host = doomed;
            id = await doomed.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "c", cancellation: Ct);
            await Eventually.HoldsAsync(() => injector.Crashed, "the injected crash", TimeSpan.FromSeconds(60));
        }

        await using var survivor = await DurableTestHost.StartAsync(azurite.ConnectionString, hub,
            b => b.AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        var done = await survivor.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("c+++", done.ReadOutputAs<string>());
        Assert.InRange(TestTasks.ExecutionsOf(id, nameof(TestTasks.Append)), 3, 4);
        var events = await ReadHistoryAsync(survivor, id);
        Assert.Single(events, e => e.Kind == HistoryEventKind.ExecutionStarted);
        Assert.Single(events, e => e.Kind == HistoryEventKind.ExecutionCompleted);
        foreach (var kind in new[] { HistoryEventKind.TaskScheduled, HistoryEventKind.TaskCompleted })
        {
            var ids = events.Where(e => e.Kind == kind).Select(e => e.TaskId).ToList();
            Assert.Equal([0, 1, 2], ids.Order());
        }
    }

    private static async Task<List<HistoryEvent>> ReadHistoryAsync(DurableTestHost host, string id)
    {
        var store = host.Services.GetRequiredService<HistoryStore>();
        var history = await store.LoadAsync(id, Ct);
        return history.Events;
    }

    private sealed class CrashInjector(FaultPoint point, int episode) : IDurableFaultInjector
    {
        private int _seen;

        public DurableTestHost? Host { get; set; }

        public bool Crashed { get; private set; }

        public ValueTask OnAsync(FaultPoint at, string instanceId, string? taskName, CancellationToken cancellationToken)
        {
            if (at == point && Interlocked.Increment(ref _seen) == episode)
            {
                Crashed = true;
                Host!.Crash();
                throw new IOException("simulated process death");
            }

            return ValueTask.CompletedTask;
        }
    }
}
