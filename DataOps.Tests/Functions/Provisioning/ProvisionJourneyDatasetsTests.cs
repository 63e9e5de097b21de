using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Workflows;

namespace DataOps.Tests.Functions.Provisioning;

public sealed class ProvisionJourneyDatasetsTests
{
    [Fact]
    public async Task ProvisionJourneyDatasets_TwoTypes_StartsOneProvisionPerTypeWithStableInstanceIds()
    {
        var ctx = new OrchestrationContextMock("provision:j-1:sandbox");
        ctx.SubOrchestration(nameof(ProvisionDataset), i => new ProvisionDatasetResult(((ProvisionDatasetInput)i!).DatasetId, ((ProvisionDatasetInput)i).DatasetType, WorkflowOutcome.Ready, 99, null));
        var input = new ProvisionJourneyInput(JourneyId.Create("j-1"), ClientId.Create("acme"), ClientName.Create("ACME"), Industry.Healthcare, UseCase.Create("clinical_workflows"), Stage.Sandbox, [DatasetType.ConfluencePages, DatasetType.GithubRepos], "se@example.com");

        var result = await new ProvisionJourneyDatasets().RunAsync(ctx.Object, input);

        Assert.Equal(["ProvisionDataset@provision:j-1:sandbox:confluence_pages", "ProvisionDataset@provision:j-1:sandbox:github_repos"], ctx.CallNames);
        Assert.Equal(2, result.Datasets.Count);
        Assert.All(result.Datasets, d => Assert.Equal(WorkflowOutcome.Ready, d.Outcome));
        Assert.NotEqual(result.Datasets[0].DatasetId, result.Datasets[1].DatasetId);
    }

    [Fact]
    public async Task ProvisionJourneyDatasets_RunAgainAfterAHostDiedBeforeSaving_NamesTheSameDatasets()
    {
        var input = new ProvisionJourneyInput(JourneyId.Create("j-1"), ClientId.Create("acme"), ClientName.Create("ACME"), Industry.Healthcare, UseCase.Create("clinical_workflows"), Stage.Sandbox, [DatasetType.ConfluencePages, DatasetType.GithubRepos], "se@example.com", RequestId: "4f1c0d6e9b2a4e7c8d3f5a6b7c8d9e0f");
        var first = await RunAsync(input, guidsUsedBefore: 0);

        // A re-run of an unsaved step starts at another time, so the context's NewGuid gives other values.
        var again = await RunAsync(input, guidsUsedBefore: 7);
        var otherRequest = await RunAsync(input with { RequestId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9" }, guidsUsedBefore: 0);

        Assert.Equal(first, again);
        Assert.Empty(first.Intersect(otherRequest));
    }

    private static async Task<DatasetId[]> RunAsync(ProvisionJourneyInput input, int guidsUsedBefore)
    {
        var ctx = new OrchestrationContextMock("provision:j-1:sandbox");
        for (var i = 0; i < guidsUsedBefore; i++)
        {
            ctx.Object.NewGuid();
        }

        ctx.SubOrchestration(nameof(ProvisionDataset), i => new ProvisionDatasetResult(((ProvisionDatasetInput)i!).DatasetId, ((ProvisionDatasetInput)i).DatasetType, WorkflowOutcome.Ready, 99, null));
        var result = await new ProvisionJourneyDatasets().RunAsync(ctx.Object, input);
        return [.. result.Datasets.Select(d => d.DatasetId)];
    }
}
