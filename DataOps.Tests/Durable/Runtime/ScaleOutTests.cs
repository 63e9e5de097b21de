using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>Several workers share one task hub; when one dies the others take over its partitions and instances.</summary>
public sealed class ScaleOutTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeWorkers_OneDies_OthersTakeItsPartitionsAndFinishItsInstances()
    {
        var hub = AzuriteFixture.UniqueName("scale");
        var hosts = new List<DurableTestHost>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                hosts.Add(await DurableTestHost.StartAsync(azurite.ConnectionString, hub, b => b.AddOrchestrator<TestTasks.Approval>()));
            }

            await Eventually.HoldsAsync(
                () => hosts.All(h => h.Worker.Partitions.OwnedPartitions.Count >= 1) && hosts.Sum(h => h.Worker.Partitions.OwnedPartitions.Count) == 4,
                "three workers splitting four partitions",
                TimeSpan.FromSeconds(30));
            var client = hosts[0].Client;
            var ids = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Approval), cancellation: Ct));
            }

            foreach (var id in ids)
            {
                await Eventually.ValueAsync(() => client.GetInstanceAsync(id, true, Ct), m => m?.ReadCustomStatusAs<string>() == "waiting", TimeSpan.FromSeconds(30), "waiting");
            }

            var victim = hosts.MaxBy(h => h.Worker.Partitions.OwnedPartitions.Count)!;
            victim.Crash();
            var survivors = hosts.Where(h => h != victim).ToList();
            var survivorClient = survivors[0].Client;

            // Leases last 15 s in these tests: the orphaned partitions must be taken within one lease interval (plus polling slack).
            await Eventually.HoldsAsync(() => survivors.Sum(h => h.Worker.Partitions.OwnedPartitions.Count) == 4, "survivors owning all partitions", TimeSpan.FromSeconds(20));
            foreach (var id in ids)
            {
                await survivorClient.RaiseEventAsync(id, "approval", "yes", Ct);
            }

            foreach (var id in ids)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                var done = await survivorClient.WaitForInstanceCompletionAsync(id, true, timeout.Token);
                Assert.Equal("approved:yes", done.ReadOutputAs<string>());
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
