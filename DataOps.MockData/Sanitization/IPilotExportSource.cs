using DataOps.Domain.Datasets;

namespace DataOps.MockData.Sanitization;

/// <summary>Where pilot exports come from: one JSON-lines document per client and dataset type.</summary>
public interface IPilotExportSource
{
    /// <summary>Opens the export of a client's dataset type for reading.</summary>
    /// <exception cref="PilotExportNotFoundException">There is no such export.</exception>
    Task<Stream> OpenAsync(string clientId, DatasetType datasetType, CancellationToken cancellationToken);
}
