using System.Net;
using Azure.Storage.Blobs;
using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.MockData.Sanitization;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.MockData.Sanitization;

namespace DataOps.Tests.EndToEnd;

public sealed class PilotEndToEndTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Provision_PilotStage_IndexesTheSanitizedExportWithNoPlantedPii()
    {
        var container = AzuriteFixture.UniqueName("pilot");
        var blobs = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container);
        await blobs.CreateIfNotExistsAsync(cancellationToken: Ct);
        await blobs.GetBlobClient(BlobPilotExportSource.BlobName(PilotFixture.ClientId, DatasetType.SlackMessages))
            .UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(PilotFixture.ExportPath("slack_messages"), Ct)), cancellationToken: Ct);
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["MockData:PilotExportContainer"] = container });
        var body = new
        {
            journeyId = "j-pilot",
            clientId = PilotFixture.ClientId,
            clientName = "ACME Health",
            industry = "healthcare",
            useCase = "clinical_workflows",
            stage = "pilot",
            datasetTypes = new[] { "slack_messages" },
            requestedBy = "se@example.com",
        };

        using var response = await app.PostJsonAsync("api/datasets/provision", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await app.WaitForCompletionAsync("provision:j-pilot:pilot");

        var outcome = done.ReadOutputAs<ProvisionJourneyResult>()!.Datasets.Single();
        var checks = await app.Service<QualityHistoryStore>().ReadAsync(outcome.DatasetId.Value, Ct);
        Assert.True(outcome.Outcome == WorkflowOutcome.Ready, $"{outcome.Error}: {string.Join("; ", checks.SelectMany(c => c.Check.Errors).Take(12))}");
        var dataset = (await app.Registry.GetAsync(outcome.DatasetId, Ct))!.Dataset;
        Assert.Equal(DataSource.SanitizedExport, dataset.DataSource);
        // The fixture holds 8 lines, 2 of them deliberately not JSON objects: the sanitizer refuses those.
        Assert.Equal(6, dataset.RecordCount);
        var connector = await app.Service<ConnectorStore>().GetAsync(dataset.ConnectorName.Value, Ct);
        using var documents = await app.Glean.Http.GetAsync(new Uri($"admin/datasources/{connector!.Connector.DatasourceName}/documents", UriKind.Relative), Ct);
        var indexed = await documents.Content.ReadAsStringAsync(Ct);
        Assert.Equal(6, (await app.Glean.GetDatasourceAsync(connector.Connector.DatasourceName))!.DocumentCount);
        Assert.Contains("C01-1001", indexed, StringComparison.OrdinalIgnoreCase);
        foreach (var value in PilotFixture.Planted.Values.SelectMany(v => v))
        {
            Assert.DoesNotContain(value, indexed, StringComparison.OrdinalIgnoreCase);
        }
    }
}
