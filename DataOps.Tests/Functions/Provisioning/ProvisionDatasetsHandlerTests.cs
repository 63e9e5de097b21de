using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Moq;

namespace DataOps.Tests.Functions.Provisioning;

/// <summary>
/// A provisioning request starts its journey's stage once; when the client already has every requested type active in
/// the stage nothing starts and nothing is recorded (registry on Azurite, engine mocked).
/// </summary>
public sealed class ProvisionDatasetsHandlerTests(AzuriteFixture azurite)
{
    private const string Instance = "provision:j-2:sandbox";

    private readonly RegistryHarness _h = new(azurite);

    private readonly Mock<DurableTaskClient> _client = new("test");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_EveryTypeAlreadyActive_NamesTheDatasets_AndStartsNothing()
    {
        await _h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1", type: DatasetType.ConfluencePages), Ct);
        await _h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-2", type: DatasetType.JiraIssues), Ct);

        var result = await HandleAsync("confluence_pages", "jira_issues");

        Assert.Equal(Instance, result.InstanceId);
        Assert.Equal(["confluence_pages=ds-1", "jira_issues=ds-2"], result.ActiveDatasets!.Select(p => $"{p.Key}={p.Value}"));
        Assert.Null(await new JourneyProjectionStore(_h.Tables).GetAsync("j-2", Ct));
        VerifyStarts(Times.Never());
    }

    [Fact]
    public async Task HandleAsync_AnotherClientGivenTheSameClientName_HoldsAConnectorName_RefusesAll_WithoutNamingItsDataset()
    {
        // Client "acme-twin" is also called ACME: its confluence connector is ACME-sandbox-confluence, the one "acme" needs.
        await _h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-twin", client: "acme-twin", type: DatasetType.ConfluencePages), Ct);

        var result = await HandleAsync("confluence_pages", "jira_issues");

        Assert.Null(result.ActiveDatasets);
        Assert.Equal(["ACME-sandbox-confluence"], result.ConnectorNamesInUse);
        Assert.Null(await new JourneyProjectionStore(_h.Tables).GetAsync("j-2", Ct));
        VerifyStarts(Times.Never());
    }

    [Fact]
    public async Task HandleAsync_TheClientsOwnFailedDataset_HoldsTheConnectorName_IsNamedAsHeld()
    {
        var failed = await _h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-failed", type: DatasetType.ConfluencePages), Ct);
        failed.Dataset.MarkFailed("connector creation failed", [], RegistryHarness.T0.AddMinutes(1));
        failed = await _h.Registry.SaveAsync(failed, Ct);
        await _h.Registry.ReleaseClaimsAsync(failed.Dataset, Ct);

        var result = await HandleAsync("confluence_pages");

        Assert.Equal(["confluence_pages=ds-failed"], result.ActiveDatasets!.Select(p => $"{p.Key}={p.Value}"));
        Assert.Null(result.ConnectorNamesInUse);
        VerifyStarts(Times.Never());
    }

    [Fact]
    public async Task HandleAsync_SomeTypesFree_RecordsWhereTheJourneyIs_AndStarts()
    {
        await _h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1", type: DatasetType.ConfluencePages), Ct);

        var result = await HandleAsync("confluence_pages", "jira_issues");

        Assert.Equal(new ProvisionDatasetsResult(Instance, null), result);
        var journey = await new JourneyProjectionStore(_h.Tables).GetAsync("j-2", Ct);
        Assert.Equal("sandbox", journey!.CurrentStage);
        VerifyStarts(Times.Once());
    }

    [Fact]
    public async Task HandleAsync_RequestAlreadyRunning_AnswersWithIt()
    {
        _client.Setup(c => c.GetInstanceAsync(Instance, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(nameof(ProvisionJourneyDatasets), Instance) { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var result = await HandleAsync("confluence_pages");

        Assert.Equal(new ProvisionDatasetsResult(Instance, null), result);
        Assert.Null(await new JourneyProjectionStore(_h.Tables).GetAsync("j-2", Ct));
        VerifyStarts(Times.Never());
    }

    [Fact]
    public async Task HandleAsync_PastTheClientsLimit_CountsItsDatasetsInEveryStage_AndStartsNothing()
    {
        await _h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-p", stage: Stage.Pilot, type: DatasetType.ConfluencePages), Ct);
        await _h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-s", type: DatasetType.ConfluencePages), Ct);

        var result = await HandleAsync(maxDatasetsPerClient: 3, "confluence_pages", "jira_issues", "slack_messages");

        // The sandbox confluence dataset is held (not added again): two live datasets and two new ones exceed three.
        Assert.Equal(new ClientDatasetLimit(3, 2, 2), result.ClientLimit);
        Assert.Null(await new JourneyProjectionStore(_h.Tables).GetAsync("j-2", Ct));
        VerifyStarts(Times.Never());
        Assert.Null((await HandleAsync(maxDatasetsPerClient: 4, "confluence_pages", "jira_issues", "slack_messages")).ClientLimit);
        VerifyStarts(Times.Once());
    }

    private Task<ProvisionDatasetsResult> HandleAsync(params string[] types) => HandleAsync(50, types);

    private Task<ProvisionDatasetsResult> HandleAsync(int maxDatasetsPerClient, params string[] types) =>
        new ProvisionDatasetsHandler(
            _h.Registry,
            new JourneyProjectionStore(_h.Tables),
            Options.Create(new WorkflowOptions { Provisioning = { MaxDatasetsPerClient = maxDatasetsPerClient } }),
            TimeProvider.System).HandleAsync(
            _client.Object,
            new ProvisionJourneyInput(JourneyId.Create("j-2"), ClientId.Create("acme"), ClientName.Create("ACME"), Industry.Healthcare, UseCase.Create("developer_productivity"), Stage.Sandbox, [.. types.Select(WireNames.Parse<DatasetType>)], "tests"),
            Ct);

    private void VerifyStarts(Times times) =>
        _client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                nameof(ProvisionJourneyDatasets),
                It.IsAny<object?>(),
                It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == Instance),
                It.IsAny<CancellationToken>()),
            times);
}
