using DataOps.Domain.Datasets;
using DataOps.Glean.Errors;
using DataOps.Glean.Wire;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.GleanEmulator;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Glean;

/// <summary>The typed clients' remaining endpoints and error mapping, over real HTTP.</summary>
public sealed class GleanClientTests(GleanSharedEmulator shared) : IAsyncLifetime, IClassFixture<GleanSharedEmulator>
{
    private GleanEmulatorFixture _emulator = null!;
    private GleanAdapterHarness _adapter = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await shared.ResetAsync();
        await _emulator.AddDatasourceAsync("docs");
        _adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["SampleQueryTimeout"] = "00:00:00.300" });
    }

    public ValueTask DisposeAsync() => _adapter.DisposeAsync();

    private static DocumentDefinition Doc(string id) => new()
    {
        Datasource = "docs",
        Id = id,
        ObjectType = "Document",
        Title = "Release checklist",
        ViewUrl = $"https://docs.example.com/{id}",
        Permissions = new DocumentPermissions { AllowAllDatasourceUsersAccess = true },
    };

    [Fact]
    public async Task IndexDocuments_ThenDocumentStatusAndDelete_RoundTrip()
    {
        var cancellation = TestContext.Current.CancellationToken;

        await _adapter.Indexing.IndexDocumentsAsync("docs", [Doc("a"), Doc("b")], cancellation);
        var status = await _adapter.Indexing.GetDocumentStatusAsync("docs", new DebugDocumentRequest("Document", "a"), cancellation);
        await _adapter.Indexing.DeleteDocumentAsync(new DeleteDocumentRequest("docs", "Document", "a"), cancellation);
        var gone = await _adapter.Indexing.GetDocumentStatusAsync("docs", new DebugDocumentRequest("Document", "a"), cancellation);

        Assert.Equal("INDEXED", status?.Status?.IndexingStatus);
        Assert.Equal("NOT_UPLOADED", gone?.Status?.UploadStatus);
        Assert.Equal(1, (await _emulator.GetDatasourceAsync("docs"))!.DocumentCount);
    }

    [Fact]
    public async Task IndexDocuments_InvalidDocument_ThrowsBadRequestWithGleansReason()
    {
        var error = await Assert.ThrowsAsync<GleanBadRequestException>(() =>
            _adapter.Indexing.IndexDocumentsAsync("docs", [Doc("a") with { ViewUrl = "https://elsewhere.example.org/a" }], TestContext.Current.CancellationToken));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("does not match the datasource urlRegex", error.Message, StringComparison.Ordinal);
        Assert.Contains("indexdocuments", error.Message, StringComparison.Ordinal);
        Assert.Single(await _emulator.GetRequestsAsync("indexdocuments"));
    }

    [Fact]
    public async Task BulkPage_TooLarge_ThrowsPayloadTooLargeWithoutRetry()
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.MaxRequestBytes = 1024);
        await emulator.AddDatasourceAsync("docs");
        await using var adapter = GleanAdapterHarness.Create(emulator.BaseUrl);

        await Assert.ThrowsAsync<GleanPayloadTooLargeException>(() =>
            adapter.Indexing.IndexDocumentsAsync("docs", [.. Enumerable.Range(0, 20).Select(i => Doc($"d{i}"))], TestContext.Current.CancellationToken));

        Assert.Single(await emulator.GetRequestsAsync("indexdocuments"));
    }

    [Fact]
    public async Task IndexDocuments_MoreDocumentsThanTheClientSideBucketHolds_IsSentTakingTheWholeBucket()
    {
        // Ten documents a minute leave a bucket of nine: a larger call could never gather its permits, so it takes them all.
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl, new Dictionary<string, string?> { ["RateLimitsEnabled"] = "true", ["IndexDocumentsPerMinute"] = "10" });

        await adapter.Indexing.IndexDocumentsAsync("docs", [.. Enumerable.Range(0, 20).Select(i => Doc($"d{i}"))], TestContext.Current.CancellationToken);

        Assert.Equal(20, (await _emulator.GetDatasourceAsync("docs"))!.DocumentCount);
    }

    [Fact]
    public async Task SampleQuery_InvalidQuery_FailsWith422AndNoRetry()
    {
        var connector = await _adapter.Service.CreateConnectorAsync(new("ACME-sandbox-custom", DatasetType.Custom, Stage.Sandbox), TestContext.Current.CancellationToken);

        var report = await _adapter.Service.RunSampleQueriesAsync(connector, ["?!"], TestContext.Current.CancellationToken);

        var result = Assert.Single(report.Results);
        Assert.False(result.Succeeded);
        Assert.Contains("422", result.Error, StringComparison.Ordinal);
        Assert.Single(await _emulator.GetRequestsAsync("/search"));
    }

    [Fact]
    public async Task SampleQuery_SlowerThanTheLimit_FailsWithoutWaitingForGlean()
    {
        var connector = await _adapter.Service.CreateConnectorAsync(new("ACME-sandbox-custom", DatasetType.Custom, Stage.Sandbox), TestContext.Current.CancellationToken);
        await _emulator.SetFaultsAsync(new FaultSettings { LatencyMillis = 20_000, PathPrefix = "/rest/" });

        var report = await _adapter.Service.RunSampleQueriesAsync(connector, ["release"], TestContext.Current.CancellationToken);

        var result = Assert.Single(report.Results);
        Assert.False(result.Succeeded);
        Assert.True(result.Duration < TimeSpan.FromSeconds(5), $"took {result.Duration}");
    }
}
