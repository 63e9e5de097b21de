using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Errors;
using DataOps.Glean.Model;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.GleanEmulator;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Glean;

/// <summary>Population (page order, restarts, lost answers), health probes and sample queries against the emulator over real HTTP.</summary>
public sealed class GleanPopulationTests(GleanSharedEmulator shared) : IAsyncLifetime, IClassFixture<GleanSharedEmulator>
{
    private GleanEmulatorFixture _emulator = null!;
    private GleanAdapterHarness _adapter = null!;

    private IGleanConnectorService Service => _adapter.Service;

    public async ValueTask InitializeAsync()
    {
        _emulator = await shared.ResetAsync();
        _adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["BetaUsers"] = "se@example.com" });
    }

    public ValueTask DisposeAsync() => _adapter.DisposeAsync();

    private Task<GleanConnector> CreateAsync(DatasetType type = DatasetType.ConfluencePages, Stage stage = Stage.Sandbox, string client = "ACME") =>
        Service.CreateConnectorAsync(
            new ConnectorSpec($"{client}-{stage.ToWireName()}-{ConnectorKinds.ToConnectorType(type).ToWireName()}", type, stage, new Uri("https://acme.example.com/")),
            TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(999, 1)]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(2500, 3)]
    public async Task Populate_DocumentCount_SendsFirstMiddleAndLastPagesInOrder(int count, int expectedPages)
    {
        var connector = await CreateAsync(DatasetType.Custom);

        var result = await Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.Custom, count), TestContext.Current.CancellationToken);

        Assert.Equal(expectedPages, result.PageCount);
        Assert.Equal(count, result.DocumentCount);
        var view = (await _emulator.GetDatasourceAsync(connector.DatasourceName))!;
        var upload = Assert.Single(view.Uploads);
        Assert.Equal("dataops-ds-1-1", upload.UploadId);
        Assert.Equal("SUCCESSFUL", upload.Status);
        Assert.Equal(expectedPages, upload.Pages.Count);
        Assert.True(upload.Pages[0].IsFirstPage);
        Assert.True(upload.Pages[^1].IsLastPage);
        Assert.All(upload.Pages.Skip(1), p => Assert.False(p.IsFirstPage));
        Assert.All(upload.Pages.Take(upload.Pages.Count - 1), p => Assert.False(p.IsLastPage));
        Assert.All(upload.Pages, p => Assert.InRange(p.DocumentCount, 0, 1000));
        Assert.Equal(count, upload.Pages.Sum(p => p.DocumentCount));
        Assert.Equal(count, view.DocumentCount);
    }

    [Fact]
    public async Task Populate_UnfinishedUploadOfTheSameDataset_IsRestarted()
    {
        var connector = await CreateAsync(DatasetType.Custom);
        await _emulator.BulkAsyncRaw(connector.DatasourceName, UploadIds.Population("ds-1", 1));

        var result = await Service.PopulateAsync(connector, "ds-1", 2, GleanRecords.Create(DatasetType.Custom, 10), TestContext.Current.CancellationToken);

        Assert.True(result.RestartedEarlierUpload);
        var view = (await _emulator.GetDatasourceAsync(connector.DatasourceName))!;
        Assert.Equal("dataops-ds-1-2", Assert.Single(view.Uploads).UploadId);
        Assert.True(view.Uploads[0].Pages[0].ForceRestartUpload);
        Assert.Equal(10, view.DocumentCount);
    }

    [Theory]
    [InlineData(new[] { -500 }, true)]
    [InlineData(new[] { 200, 200, -503 }, false)]
    public async Task Populate_PageAnswerLostAfterGleanProcessedIt_StillCompletes(int[] script, bool restarted)
    {
        var connector = await CreateAsync(DatasetType.Custom);
        await _emulator.SetFaultsAsync(new FaultSettings { NextStatusCodes = script, PathPrefix = "/api/index/v1/bulkindexdocuments" });

        var result = await Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.Custom, 2500), TestContext.Current.CancellationToken);

        Assert.Equal(restarted, result.RestartedEarlierUpload);
        var view = (await _emulator.GetDatasourceAsync(connector.DatasourceName))!;
        Assert.Equal(2500, view.DocumentCount);
        Assert.Equal("SUCCESSFUL", Assert.Single(view.Uploads).Status);
        Assert.Contains(await _emulator.GetRequestsAsync("bulkindexdocuments"), e => e.Injected?.StartsWith("lost-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Populate_UnfinishedUploadOfAnotherDataset_ThrowsConflict()
    {
        var connector = await CreateAsync(DatasetType.Custom);
        await _emulator.BulkAsyncRaw(connector.DatasourceName, UploadIds.Population("other", 1));

        await Assert.ThrowsAsync<GleanConflictException>(() =>
            Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.Custom, 3), TestContext.Current.CancellationToken));

        Assert.Equal("dataops-other-1", Assert.Single((await _emulator.GetDatasourceAsync(connector.DatasourceName))!.Uploads).UploadId);
    }

    [Fact]
    public async Task Populate_ProductionConnector_IsRefusedWithoutAnyUpload()
    {
        var connector = await CreateAsync(DatasetType.Custom, Stage.Production);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.Custom, 3), TestContext.Current.CancellationToken));

        Assert.Empty((await _emulator.GetDatasourceAsync(connector.DatasourceName))!.Uploads);
    }

    [Fact]
    public async Task Populate_DuplicateRecordIds_ThrowsBeforeSendingAnything()
    {
        var connector = await CreateAsync(DatasetType.Custom);
        var records = GleanRecords.Create(DatasetType.Custom, 3).Append(GleanRecords.One(DatasetType.Custom, 1)).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Service.PopulateAsync(connector, "ds-1", 1, records, TestContext.Current.CancellationToken));

        Assert.Contains("doc-1", error.Message, StringComparison.Ordinal);
        Assert.Empty((await _emulator.GetDatasourceAsync(connector.DatasourceName))!.Uploads);
    }

    [Fact]
    public async Task ProbeHealth_PopulatedConnector_IsHealthy()
    {
        var connector = await CreateAsync(DatasetType.JiraIssues);
        await Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.JiraIssues, 30), TestContext.Current.CancellationToken);

        var health = await Service.ProbeHealthAsync(connector, 30, TestContext.Current.CancellationToken);

        Assert.True(health.Healthy, string.Join("; ", health.Problems));
        Assert.Equal(30, health.IndexedCount);
        Assert.Empty(health.Problems);
    }

    [Fact]
    public async Task ProbeHealth_CountMismatch_IsUnhealthyWithAReason()
    {
        var connector = await CreateAsync(DatasetType.JiraIssues);
        await Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.JiraIssues, 5), TestContext.Current.CancellationToken);

        var health = await Service.ProbeHealthAsync(connector, 6, TestContext.Current.CancellationToken);

        Assert.False(health.Healthy);
        Assert.Contains(health.Problems, p => p.Contains("6 expected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProbeHealth_EmulatorReportsConnectorUnhealthy_IsUnhealthy()
    {
        var connector = await CreateAsync(DatasetType.JiraIssues);
        await Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.JiraIssues, 5), TestContext.Current.CancellationToken);
        await _emulator.SetHealthAsync(connector.DatasourceName, healthy: false);

        var health = await Service.ProbeHealthAsync(connector, 5, TestContext.Current.CancellationToken);

        Assert.True(health.Reachable);
        Assert.False(health.Healthy);
        Assert.Equal(0, health.IndexedCount);
    }

    [Fact]
    public async Task ProbeHealth_UploadStillActive_IsUnhealthy()
    {
        var connector = await CreateAsync(DatasetType.Custom);
        await _emulator.BulkAsyncRaw(connector.DatasourceName, "dataops-ds-1-1");

        var health = await Service.ProbeHealthAsync(connector, 0, TestContext.Current.CancellationToken);

        Assert.False(health.LastUploadSuccessful);
        Assert.False(health.Healthy);
    }

    [Fact]
    public async Task ProbeHealth_NeverPopulated_IsUnhealthy()
    {
        var connector = await CreateAsync(DatasetType.Custom);

        var health = await Service.ProbeHealthAsync(connector, 0, TestContext.Current.CancellationToken);

        Assert.False(health.Healthy);
        Assert.Contains("no upload recorded", health.Problems);
    }

    [Fact]
    public async Task RunSampleQueries_TermsFromRecords_AllReturnResults()
    {
        var connector = await CreateAsync(DatasetType.ConfluencePages);
        var records = GleanRecords.Create(DatasetType.ConfluencePages, 50);
        await Service.PopulateAsync(connector, "ds-1", 1, records, TestContext.Current.CancellationToken);

        var report = await Service.RunSampleQueriesAsync(connector, SampleQueries.FromRecords(DatasetType.ConfluencePages, records), TestContext.Current.CancellationToken);

        Assert.Equal(10, report.Results.Count);
        Assert.True(report.AllSucceeded, string.Join("; ", report.Results.Where(r => !r.Succeeded).Select(r => $"{r.Query}: {r.Error}")));
    }

    [Fact]
    public async Task RunSampleQueries_OtherDatasourceHoldsTheWords_FindsNothing()
    {
        var empty = await CreateAsync(DatasetType.Custom);
        var full = await CreateAsync(DatasetType.ConfluencePages);
        await Service.PopulateAsync(full, "ds-1", 1, GleanRecords.Create(DatasetType.ConfluencePages, 20), TestContext.Current.CancellationToken);

        var report = await Service.RunSampleQueriesAsync(empty, ["onboarding"], TestContext.Current.CancellationToken);

        var result = Assert.Single(report.Results);
        Assert.False(result.Succeeded);
        Assert.Equal("no result", result.Error);
        Assert.False(report.AllSucceeded);
    }
}
