using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Workflows;

namespace DataOps.Tests.Functions.Watch;

public sealed class OrphanScanTests
{
    [Fact]
    public async Task OrphanScan_TwoOrphans_TearsEachDownAsOrphanCleanup()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(FindOrphans), _ => new ScanResult(5, [DatasetId.Create("ds-7"), DatasetId.Create("ds-9")]));
        ctx.Teardowns(i => new TeardownDatasetResult(i.DatasetId, WorkflowOutcome.Archived, "x", null));

        var result = await new OrphanScan().RunAsync(ctx.Object, new OrphanScanInput(DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24), TimeSpan.FromHours(24)));

        Assert.Equal([DatasetId.Create("ds-7"), DatasetId.Create("ds-9")], result.DatasetIds);
        Assert.Equal(["StartTeardown:ds-7", "timer", "StartTeardown:ds-9", "timer"], ctx.CallNames.Skip(1));
        Assert.All(ctx.Calls.Skip(1).Where(c => c.Name != "timer"), c => Assert.Equal(TeardownReason.OrphanCleanup, ((TeardownDatasetInput)c.Input!).Reason));
    }
}
