using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Watch;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask;
using Moq;

namespace DataOps.Tests.Functions.Watch;

/// <summary>
/// The orphan scan's finder on a real registry (Azurite): it finds the datasets whose journey is completed or unknown,
/// and reads again by id only those it flags, so a scan of a large estate makes a point read per orphan, not per dataset.
/// </summary>
public sealed class FindOrphansTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_FlagsOrphansFromTheListing_AndRereadsOnlyThem()
    {
        var harness = new RegistryHarness(azurite);
        var journeys = new JourneyProjectionStore(harness.Tables);
        await journeys.ApplyAsync("j-active", "c0", Stage.Sandbox.ToWireName(), completed: false, RegistryHarness.T0, Ct);
        await journeys.ApplyAsync("j-done", "c0", Stage.Sandbox.ToWireName(), completed: true, RegistryHarness.T0, Ct);
        var expected = new List<DatasetId>();
        for (var i = 0; i < 25; i++)
        {
            var journey = i < 20 ? "j-active" : i < 23 ? "j-done" : "j-unknown";
            var dataset = RegistryHarness.NewDataset($"ds-{i:D2}", client: $"c{i}", journey: journey, clientName: $"Client {i}");
            await harness.Registry.RegisterAsync(dataset, Ct);
            if (journey != "j-active")
            {
                expected.Add(dataset.Id);
            }
        }

        var pointReads = 0;
        var registry = new Mock<IDatasetRegistry>(MockBehavior.Strict);
        registry.Setup(r => r.ListAsync(It.IsAny<DatasetQuery>(), It.IsAny<CancellationToken>()))
            .Returns((DatasetQuery q, CancellationToken c) => harness.Registry.ListAsync(q, c));
        registry.Setup(r => r.GetAsync(It.IsAny<DatasetId>(), It.IsAny<CancellationToken>()))
            .Returns((DatasetId id, CancellationToken c) =>
            {
                Interlocked.Increment(ref pointReads);
                return harness.Registry.GetAsync(id, c);
            });
        var finder = new FindOrphans(new RegistryScans(registry.Object), journeys);

        var result = await finder.RunAsync(Mock.Of<TaskActivityContext>(), new OrphanScanInput(RegistryHarness.T0.AddDays(2), TimeSpan.FromHours(24), TimeSpan.FromHours(24)));

        Assert.Equal(25, result.Examined);
        Assert.Equal(expected, result.DatasetIds);
        Assert.Equal(expected.Count, pointReads);
    }
}
