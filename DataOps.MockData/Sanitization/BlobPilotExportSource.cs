using Azure;
using Azure.Storage.Blobs;
using DataOps.Domain.Datasets;

namespace DataOps.MockData.Sanitization;

/// <summary>Pilot exports in a blob container (<c>pilot-exports</c>), at <c>{clientId}/{dataset_type}.jsonl</c>.</summary>
internal sealed class BlobPilotExportSource(BlobContainerClient container) : IPilotExportSource
{
    /// <summary>The blob name of an export.</summary>
    public static string BlobName(string clientId, DatasetType datasetType) => $"{clientId}/{datasetType.ToWireName()}.jsonl";

    /// <inheritdoc/>
    public async Task<Stream> OpenAsync(string clientId, DatasetType datasetType, CancellationToken cancellationToken)
    {
        var name = BlobName(clientId, datasetType);
        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken: cancellationToken);
            return download.Value.Content.ToStream();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new PilotExportNotFoundException($"No pilot export at {container.Name}/{name}.", ex);
        }
    }
}
