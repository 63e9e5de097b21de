using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Operations.Queries;
using DataOps.Functions.Registry;
using DataOps.Functions.Validation;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataOps.Tests.Functions.Operations.Queries;

/// <summary>The dataset read models on a real registry.</summary>
public sealed class DatasetQueriesTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_PagesThroughTheSelectedDatasets()
    {
        var (h, queries) = Create();
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("a-1", client: "alpha", clientName: "Alpha"), Ct);
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("a-2", client: "alpha", clientName: "Alpha", type: DatasetType.JiraIssues), Ct);
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("b-1", client: "beta", clientName: "Beta"), Ct);

        var first = await queries.ListAsync(new DatasetQuery { ClientId = ClientId.Create("alpha"), PageSize = 1 }, Ct);
        var second = await queries.ListAsync(new DatasetQuery { ClientId = ClientId.Create("alpha"), PageSize = 1, ContinuationToken = first!.ContinuationToken }, Ct);

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(["a-1", "a-2"], first.Items.Concat(second!.Items).Select(d => d.DatasetId).Order(StringComparer.Ordinal));
        Assert.All(first.Items.Concat(second.Items), d => Assert.Equal("alpha", d.ClientId));
    }

    [Fact]
    public async Task ListAsync_ATokenTheRegistryDidNotIssue_IsNull()
    {
        var (_, queries) = Create();

        Assert.Null(await queries.ListAsync(new DatasetQuery { ContinuationToken = "not-a-token" }, Ct));
    }

    [Fact]
    public async Task GetAsync_UnknownDataset_IsNull()
    {
        var (_, queries) = Create();

        Assert.Null(await queries.GetAsync(DatasetId.Create("nobody"), Ct));
    }

    [Fact]
    public async Task GetAsync_BeforeItsConnectorExists_ShowsTheConnectorNameAsNotCreated()
    {
        var (h, queries) = Create();
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), Ct);

        var detail = await queries.GetAsync(DatasetId.Create("ds-1"), Ct);

        Assert.NotNull(detail);
        Assert.Equal("ds-1", detail.Dataset.DatasetId);
        Assert.Equal("provisioning", detail.Dataset.Status);
        Assert.Empty(detail.QualityChecks);
        Assert.Equal(new ConnectorView("ACME-sandbox-confluence", null, ConnectorView.NotCreated, null), detail.Connector);
    }

    [Fact]
    public async Task GetAsync_ProductionChecks_ShowNotApplicableInsteadOfAScore()
    {
        var (h, queries) = Create();
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-prod", stage: Stage.Production), Ct);
        await new QualityHistoryStore(h.Tables).SaveAsync(
            "ds-prod",
            RegistryHarness.T0,
            [
                QualityCheckMapping.NotApplicable(QualityCheckType.Schema, "stage production has no template schema"),
                QualityCheckMapping.ToOutcome(new QualityCheckResult(QualityCheckType.ConnectorHealth, 100, 100, true)),
            ],
            Ct);

        var checks = (await queries.GetAsync(DatasetId.Create("ds-prod"), Ct))!.QualityChecks;

        var schema = Assert.Single(checks, c => c.CheckType == "schema");
        Assert.True(schema.NotApplicable);
        Assert.Null(schema.Score);
        Assert.Equal("stage production has no template schema", schema.NotApplicableReason);
        var health = Assert.Single(checks, c => c.CheckType == "connector_health");
        Assert.False(health.NotApplicable);
        Assert.Equal(100, health.Score);
    }

    private (RegistryHarness Harness, DatasetQueries Queries) Create()
    {
        var h = new RegistryHarness(azurite);
        return (h, new DatasetQueries(h.Registry, new QualityHistoryStore(h.Tables), new ConnectorStore(h.Tables, TimeProvider.System, h.Audit, NullLogger<ConnectorStore>.Instance)));
    }
}
