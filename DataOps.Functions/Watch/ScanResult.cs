using DataOps.Domain.Datasets;

namespace DataOps.Functions.Watch;

/// <summary>Datasets a scan or sweep acted on; for the health sweep also the stalled datasets it repaired.</summary>
public sealed record ScanResult(int Examined, IReadOnlyList<DatasetId> DatasetIds, IReadOnlyList<StalledDataset>? Repaired = null);
