namespace DataOps.Functions.Provisioning;

/// <summary>Mark a dataset FAILED and undo what provisioning left behind.</summary>
public sealed record FailProvisioningInput(string DatasetId, string Error, IReadOnlyList<string> FailedChecks);
