using DataOps.Domain.Datasets;

namespace DataOps.Functions.Watch;

/// <summary>Datasets a scan or sweep acted on.</summary>
public sealed record ScanResult(int Examined, IReadOnlyList<DatasetId> DatasetIds);
