using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Watch;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask;
using Moq;

namespace DataOps.Tests.Functions.Teardown;

/// <summary>Which of a journey's datasets a stage change tears down, read from the registry on Azurite.</summary>
public sealed class ListJourneyDatasetsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = RegistryHarness.T0;

    [Fact]
    public async Task AnOperatorsCancel_AfterTheEvent_KeepsTheDatasetOutOfThatEventsTeardown_ButNotOutOfALaterOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var h = new RegistryHarness(azurite);
        var kept = await h.RegisterReadyAsync(RegistryHarness.NewDataset("kept", type: DatasetType.ConfluencePages), T0.AddMinutes(1), ct);
        kept.Dataset.StartTeardown(TeardownReason.StageTransition, T0.AddMinutes(2));
        kept.Dataset.CancelTeardown("an operator changed their mind", T0.AddMinutes(3));
        await h.Registry.SaveAsync(kept, ct);
        await h.RegisterReadyAsync(RegistryHarness.NewDataset("other", type: DatasetType.JiraIssues), T0.AddMinutes(1), ct);
        var activity = new ListJourneyDatasets(new RegistryScans(h.Registry));
        var context = new Mock<TaskActivityContext>().Object;
        var journey = JourneyId.Create("j-1");

        // The same stage change delivered again (it happened before the cancel): the cancel holds.
        var repeated = await activity.RunAsync(context, new JourneyDatasetsQuery(journey, Stage.Sandbox, T0.AddMinutes(2)));
        Assert.Equal(["other"], repeated.Select(d => d.Value));

        // A stage change that happened after the cancel takes it, as does a query for no event in particular.
        var later = await activity.RunAsync(context, new JourneyDatasetsQuery(journey, Stage.Sandbox, T0.AddMinutes(4)));
        Assert.Equal(["kept", "other"], later.Select(d => d.Value));
        var any = await activity.RunAsync(context, new JourneyDatasetsQuery(journey, Stage.Sandbox));
        Assert.Equal(["kept", "other"], any.Select(d => d.Value));
    }
}
