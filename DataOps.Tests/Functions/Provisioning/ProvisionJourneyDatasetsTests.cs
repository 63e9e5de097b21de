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
}
