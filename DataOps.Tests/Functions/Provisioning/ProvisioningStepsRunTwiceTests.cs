using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask;
using Moq;

namespace DataOps.Tests.Functions.Provisioning;

/// <summary>
/// After a host died, the engine may deliver one provisioning's start twice, and the two executions interleave on the same
/// dataset: the late one's population and "begin validation" must leave a dataset that has moved on as it is (the chaos run
/// saw the late population fail a dataset its twin was validating).
/// </summary>
public sealed class ProvisioningStepsRunTwiceTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatasetStatus.Validating)]
    [InlineData(DatasetStatus.Ready)]
    public async Task LatePopulationAndBeginValidation_DatasetMovedOn_ChangeNothing(DatasetStatus reached)
    {
        var h = new RegistryHarness(azurite);
        var record = await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-twice"), Ct);
        record.Dataset.RecordPopulation(500, 4096, RegistryHarness.T0);
        record.Dataset.StartValidation(RegistryHarness.T0.AddMinutes(1));
        if (reached == DatasetStatus.Ready)
        {
            record.Dataset.MarkReady(QualityScore.Create(100, 100, 100, 100, 100, Array.Empty<QualityCheckType>(), true, RegistryHarness.T0.AddMinutes(2)), RegistryHarness.T0.AddMinutes(2));
        }

        var saved = await h.Registry.SaveAsync(record, Ct);
        var loader = new DatasetLoader(h.Registry);
        var context = new Mock<TaskActivityContext>().Object;

        // The late twin's steps: Glean and the record source are never reached.
        var population = await new PopulateConnector(loader, null!, null!, null!, null!, TimeProvider.System).RunAsync(context, saved.Dataset.Id);
        var validates = await new BeginValidation(loader, TimeProvider.System).RunAsync(context, saved.Dataset.Id);

        var after = (await h.Registry.GetAsync(saved.Dataset.Id, Ct))!;
        Assert.Equal(reached, after.Dataset.Status);
        Assert.Equal(saved.Version, after.Version);
        Assert.Equal(500, population.RecordCount);

        // Still VALIDATING: the validation may go on (the first execution's may have been lost with its host). Past it:
        // the twin must not validate (and search) a connector its dataset may no longer own.
        Assert.Equal(reached == DatasetStatus.Validating, validates);
    }
}
