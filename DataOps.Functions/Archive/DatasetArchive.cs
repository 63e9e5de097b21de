using System.Text.Json;

namespace DataOps.Functions.Archive;

/// <summary>What a torn-down dataset leaves behind: its metadata, a sample of its records and its quality history.</summary>
/// <param name="ClientId">Client id (first path segment).</param>
/// <param name="Stage">Stage wire name.</param>
/// <param name="DatasetType">Dataset type wire name.</param>
/// <param name="DatasetId">Dataset id.</param>
/// <param name="Metadata">The dataset and connector as JSON.</param>
/// <param name="SampleData">The first records as a JSON array.</param>
/// <param name="QualityReports">The quality-check history as a JSON array.</param>
public sealed record DatasetArchive(string ClientId, string Stage, string DatasetType, string DatasetId, JsonElement Metadata, JsonElement SampleData, JsonElement QualityReports)
{
    /// <summary>The archive's folder in the container: <c>{clientId}/{stage}/{datasetType}/{datasetId}/</c>.</summary>
    public string Folder => FolderOf(ClientId, Stage, DatasetType, DatasetId);

    /// <summary>The folder of a dataset's archive: <c>{clientId}/{stage}/{datasetType}/{datasetId}/</c> (wire names).</summary>
    public static string FolderOf(string clientId, string stage, string datasetType, string datasetId) => $"{clientId}/{stage}/{datasetType}/{datasetId}/";
}
