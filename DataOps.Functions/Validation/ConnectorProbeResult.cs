namespace DataOps.Functions.Validation;

/// <summary>What a connector probe found.</summary>
public sealed record ConnectorProbeResult(string DatasetId, bool Healthy, IReadOnlyList<string> Problems);
