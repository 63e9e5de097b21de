using DataOps.Domain.Datasets;
using DataOps.Functions.Operations.Queries;
using DataOps.Tests.Domain;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Functions.Operations.Queries;

/// <summary>The dashboard's totals: every dataset counted by status, provisioning times newest first with nearest-rank statistics.</summary>
public sealed class OperationsSummaryQueryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = RegistryHarness.T0;

    [Fact]
    public async Task ReadAsync_CountsEveryDatasetByStatus_AndTimesTheProvisionedOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        var h = new RegistryHarness(azurite);
        await RegisterReadyAsync(h, "fast", "alpha", DatasetType.ConfluencePages, TimeSpan.FromSeconds(60));
        await RegisterReadyAsync(h, "slow", "beta", DatasetType.JiraIssues, TimeSpan.FromSeconds(600));
        await RegisterReadyAsync(h, "middle", "gamma", DatasetType.GithubRepos, TimeSpan.FromSeconds(120.04));
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("pending", client: "delta", clientName: "Delta", type: DatasetType.SlackMessages), ct);

        var summary = await new OperationsSummaryQuery(h.Registry).ReadAsync(ct);

        Assert.Equal(4, summary.Total);
        Assert.Equal(3, summary.DatasetsByStatus["ready"]);
        Assert.Equal(1, summary.DatasetsByStatus["provisioning"]);
        Assert.Equal(0, summary.DatasetsByStatus["archived"]);
        Assert.Equal(Enum.GetValues<DatasetStatus>().Length, summary.DatasetsByStatus.Count);
        Assert.Equal(["slow", "middle", "fast"], summary.Provisioning.Select(p => p.DatasetId));
        Assert.Equal(120.0, summary.Provisioning[1].Seconds);
        Assert.Equal("github_repos", summary.Provisioning[1].DatasetType);
        Assert.Equal(new ProvisioningStatistics(3, 120.0, 600.0), summary.ProvisioningSeconds);
    }

    [Fact]
    public async Task ReadAsync_EmptyRegistry_HasNoStatistics()
    {
        var summary = await new OperationsSummaryQuery(new RegistryHarness(azurite).Registry).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, summary.Total);
        Assert.Empty(summary.Provisioning);
        Assert.Equal(new ProvisioningStatistics(0, null, null), summary.ProvisioningSeconds);
    }

    [Fact]
    public void Summarize_ListsOnlyTheMostRecentSample_ButComputesStatisticsOverAll()
    {
        var datasets = Enumerable.Range(0, OperationsSummaryQuery.ProvisioningSampleSize + 20)
            .Select(i => new DatasetBuilder().WithId($"ds-{i}").CreatedAt(T0.AddHours(i)).BuildIn(DatasetStatus.Ready).ToSnapshot())
            .ToList();

        var summary = OperationsSummaryQuery.Summarize(datasets);

        Assert.Equal(OperationsSummaryQuery.ProvisioningSampleSize, summary.Provisioning.Count);
        Assert.Equal($"ds-{datasets.Count - 1}", summary.Provisioning[0].DatasetId);
        Assert.Equal(datasets.Count, summary.ProvisioningSeconds.Count);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.5, 5.0)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.95, 10.0)]
    [InlineData(new double[] { 1.24, 2.26 }, 0.5, 1.2)]
    [InlineData(new double[] { 1.24, 2.26 }, 0.95, 2.3)]
    [InlineData(new double[] { 7 }, 0.0, 7.0)]
    public void Percentile_IsTheNearestRank_RoundedToATenth(double[] sorted, double fraction, double expected)
    {
        Assert.Equal(expected, OperationsSummaryQuery.Percentile(sorted, fraction));
    }

    private static async Task RegisterReadyAsync(RegistryHarness h, string id, string client, DatasetType type, TimeSpan took)
    {
        var ct = TestContext.Current.CancellationToken;
        var record = await h.Registry.RegisterAsync(RegistryHarness.NewDataset(id, client: client, clientName: client.ToUpperInvariant(), type: type), ct);
        var readyAt = T0 + took;
        record.Dataset.StartValidation(readyAt);
        record.Dataset.MarkReady(Builders.ReadyScore(readyAt), readyAt);
        await h.Registry.SaveAsync(record, ct);
    }
}
