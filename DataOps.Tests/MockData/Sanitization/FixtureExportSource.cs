using DataOps.Domain.Datasets;
using DataOps.MockData.Sanitization;

namespace DataOps.Tests.MockData.Sanitization;

/// <summary>Serves the fixture exports from disk, the way the blob source serves them from the container.</summary>
internal sealed class FixtureExportSource : IPilotExportSource
{
    public Task<Stream> OpenAsync(string clientId, DatasetType datasetType, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetDirectoryName(PilotFixture.Folder)!, clientId, datasetType.ToWireName() + ".jsonl");
        return File.Exists(path)
            ? Task.FromResult<Stream>(File.OpenRead(path))
            : throw new PilotExportNotFoundException($"no fixture export {clientId}/{datasetType.ToWireName()}");
    }
}
