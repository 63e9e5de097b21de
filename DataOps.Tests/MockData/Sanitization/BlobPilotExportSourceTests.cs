using Azure.Storage.Blobs;
using DataOps.Domain.Datasets;
using DataOps.MockData;
using DataOps.MockData.Sanitization;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.MockData.Sanitization;

public sealed class BlobPilotExportSourceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlobContainerClient _container =
        new BlobServiceClient(azurite.ConnectionString, StorageTestOptions.Blobs()).GetBlobContainerClient(AzuriteFixture.UniqueName("pilotexports"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: Ct);
        foreach (var type in new[] { DatasetType.SlackMessages, DatasetType.JiraIssues, DatasetType.ConfluencePages })
        {
            var content = await File.ReadAllBytesAsync(PilotFixture.ExportPath(type.ToWireName()), Ct);
            await _container.GetBlobClient(BlobPilotExportSource.BlobName(PilotFixture.ClientId, type)).UploadAsync(BinaryData.FromBytes(content), cancellationToken: Ct);
        }
    }

    public async ValueTask DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Theory]
    [InlineData(DatasetType.SlackMessages)]
    [InlineData(DatasetType.JiraIssues)]
    [InlineData(DatasetType.ConfluencePages)]
    public async Task SanitizeExportAsync_FromBlobContainer_NoPlantedValueSurvives(DatasetType type)
    {
        var sanitizer = new PilotDataSanitizer(new BlobPilotExportSource(_container), Options.Create(new MockDataOptions()));
        var report = new PilotSanitizationReport();

        var output = await PilotDataSanitizerTests.SerializeAsync(sanitizer.SanitizeExportAsync(PilotFixture.ClientId, type, report, Ct));

        Assert.True(report.RecordsSanitized > 0);
        Assert.True(report.Changes.Total > 0);
        foreach (var (kind, values) in PilotFixture.Planted)
        {
            Assert.All(values, v => Assert.False(output.Contains(v, StringComparison.OrdinalIgnoreCase), $"planted {kind} '{v}' survived"));
        }

        PilotDataSanitizerTests.AssertNoPiiPatterns(output);
    }

    [Fact]
    public async Task OpenAsync_MissingBlob_ThrowsNotFoundNamingTheLocation()
    {
        var source = new BlobPilotExportSource(_container);

        var error = await Assert.ThrowsAsync<PilotExportNotFoundException>(() => source.OpenAsync("other-client", DatasetType.GithubRepos, Ct));

        Assert.Contains($"{_container.Name}/other-client/github_repos.jsonl", error.Message, StringComparison.Ordinal);
    }
}
