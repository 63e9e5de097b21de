using DataOps.Domain.Datasets;
using DataOps.Functions.Operations.Queries;
using DataOps.Functions.Registry;
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

        var summary = await new OperationsSummaryQuery(h.Registry, new OverviewProjection(h.Tables)).ReadAsync(ct);

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
        var h = new RegistryHarness(azurite);
        var summary = await new OperationsSummaryQuery(h.Registry, new OverviewProjection(h.Tables)).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, summary.Total);
        Assert.Empty(summary.Provisioning);
        Assert.Equal(new ProvisioningStatistics(0, null, null), summary.ProvisioningSeconds);
    }

    [Fact]
    public async Task ReadAsync_ReadsTheProjection_KeptByTheRegistrysWrites_NotTheRegistry()
    {
        var ct = TestContext.Current.CancellationToken;
        var h = new RegistryHarness(azurite);
        var overview = new OverviewProjection(h.Tables);
        await new OperationsSummaryQuery(h.Registry, overview).ReadAsync(ct);
        await RegisterReadyAsync(h, "fast", "alpha", DatasetType.ConfluencePages, TimeSpan.FromSeconds(60));
        await RegisterReadyAsync(h, "slow", "alpha", DatasetType.JiraIssues, TimeSpan.FromSeconds(600));
        var failed = await h.Registry.RegisterAsync(RegistryHarness.NewDataset("failed", client: "beta", clientName: "Beta"), ct);
        failed.Dataset.MarkFailed("connector creation failed", [], T0.AddMinutes(1));
        await h.Registry.SaveAsync(failed, ct);
        await h.Registry.SaveAsync((await h.Registry.GetAsync(failed.Dataset.Id, ct))!, ct);
        var registry = new Moq.Mock<DataOps.Functions.Registry.IDatasetRegistry>(Moq.MockBehavior.Strict);

        var summary = await new OperationsSummaryQuery(registry.Object, overview).ReadAsync(ct);

        Assert.Equal(3, summary.Total);
        Assert.Equal(2, summary.DatasetsByStatus["ready"]);
        Assert.Equal(1, summary.DatasetsByStatus["failed"]);
        Assert.Equal(["slow", "fast"], summary.Provisioning.Select(p => p.DatasetId));
        Assert.Equal(new ProvisioningStatistics(2, 60.0, 600.0), summary.ProvisioningSeconds);
    }

    [Fact]
    public async Task ReadAsync_ARegistryFromBeforeTheProjection_IsProjectedOnce_AndKeepsNewerEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        var h = new RegistryHarness(azurite);
        await RegisterReadyAsync(h, "old-1", "alpha", DatasetType.ConfluencePages, TimeSpan.FromSeconds(60));
        await RegisterReadyAsync(h, "old-2", "beta", DatasetType.JiraIssues, TimeSpan.FromSeconds(90));
        await h.Tables.Overview.DeleteAsync(ct);
        await h.Tables.Overview.CreateAsync(ct);
        var overview = new OverviewProjection(h.Tables);

        var first = await new OperationsSummaryQuery(h.Registry, overview).ReadAsync(ct);

        Assert.Equal(2, first.Total);
        Assert.True(await overview.IsBackfilledAsync(ct));
        Assert.Equal(["old-1", "old-2"], (await overview.ReadAllAsync(ct)).Select(e => e.DatasetId).Order(StringComparer.Ordinal));

        // A backfill over a stale scan keeps what a save wrote since.
        var stale = (await h.Registry.GetAsync(DatasetId.Create("old-1"), ct))!.Dataset.ToSnapshot();
        var moved = (await h.Registry.GetAsync(DatasetId.Create("old-1"), ct))!;
        moved.Dataset.StartTeardown(TeardownReason.Manual, T0.AddHours(1));
        await h.Registry.SaveAsync(moved, ct);
        await overview.BackfillAsync([stale], ct);
        Assert.Equal(DatasetStatus.Teardown, (await overview.ReadAllAsync(ct)).Single(e => e.DatasetId == "old-1").Status);
    }

    [Fact]
    public async Task ReadAsync_AProjectionInAnOlderForm_IsProjectedAgainFromTheRegistry()
    {
        var ct = TestContext.Current.CancellationToken;
        var h = new RegistryHarness(azurite);
        await RegisterReadyAsync(h, "old-form", "alpha", DatasetType.ConfluencePages, TimeSpan.FromSeconds(60));

        // The first form held status, type, stage and provisioning time only, and marked itself built as "built".
        var row = new Azure.Data.Tables.TableEntity("client", "alpha") { ["Entries0"] = "{\"old-form\":{\"s\":\"ready\",\"t\":\"confluence_pages\",\"g\":\"sandbox\",\"p\":60}}" };
        await h.Tables.Overview.UpsertEntityAsync(row, Azure.Data.Tables.TableUpdateMode.Replace, ct);
        await h.Tables.Overview.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("meta", "built"), Azure.Data.Tables.TableUpdateMode.Replace, ct);
        var overview = new OverviewProjection(h.Tables);

        var summary = await new OperationsSummaryQuery(h.Registry, overview).ReadAsync(ct);

        Assert.Equal(1, summary.Total);
        var entry = Assert.Single(await overview.ReadAllAsync(ct));
        var dataset = (await h.Registry.GetAsync(DatasetId.Create("old-form"), ct))!.Dataset.ToSnapshot();
        Assert.Equal(OverviewEntry.From(dataset), entry);
        Assert.Equal(dataset.JourneyId.Value, entry.JourneyId);
        Assert.True(await overview.IsBackfilledAsync(ct));
    }

    [Fact]
    public async Task Projection_ManySavesOfOneClientAtOnce_FromTwoHosts_LoseNoEntry_AndAClientWithManyDatasetsSpansChunks()
    {
        // Sixteen saves of one client's datasets in flight at once, from two hosts (two projections over the same
        // tables). Each host's saves queue for the client's row; only the two hosts race for its ETag.
        var ct = TestContext.Current.CancellationToken;
        var h = new RegistryHarness(azurite);
        OverviewProjection[] hosts = [new(h.Tables), new(h.Tables)];
        var overview = hosts[0];
        var datasets = Enumerable.Range(0, 400)
            .Select(i => new DatasetBuilder().WithId($"dataset-with-a-long-identifier-{i:D4}").CreatedAt(T0.AddMinutes(i)).BuildIn(DatasetStatus.Ready).ToSnapshot())
            .ToList();

        await Parallel.ForEachAsync(
            datasets.Select((d, i) => (Dataset: d, Host: hosts[i % 2])),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (save, token) => await save.Host.ApplyAsync(save.Dataset, token));

        var entries = await overview.ReadAllAsync(ct);
        Assert.Equal(400, entries.Count);
        Assert.Equal(datasets.Select(OverviewEntry.From).OrderBy(e => e.DatasetId, StringComparer.Ordinal), entries.OrderBy(e => e.DatasetId, StringComparer.Ordinal));
        var row = (await h.Tables.Overview.GetEntityAsync<Azure.Data.Tables.TableEntity>("client", datasets[0].ClientId.Value, cancellationToken: ct)).Value;
        Assert.NotNull(row.GetString("Entries1"));
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

    private static Task<DatasetRecord> RegisterReadyAsync(RegistryHarness h, string id, string client, DatasetType type, TimeSpan took) =>
        h.RegisterReadyAsync(RegistryHarness.NewDataset(id, client: client, clientName: client.ToUpperInvariant(), type: type), T0 + took, TestContext.Current.CancellationToken);
}
