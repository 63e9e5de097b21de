namespace DataOps.Functions.Workflows;

/// <summary>Tear a dataset down. <paramref name="GracePeriod"/> is resolved from configuration by the starter.</summary>
public sealed record TeardownDatasetInput(string DatasetId, string Reason, bool Force, TimeSpan GracePeriod);
