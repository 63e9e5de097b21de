using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>What a connector probe found.</summary>
public sealed record ConnectorProbeResult(DatasetId DatasetId, bool Healthy, IReadOnlyList<string> Problems);
