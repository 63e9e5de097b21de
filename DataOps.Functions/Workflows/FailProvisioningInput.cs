namespace DataOps.Functions.Workflows;

/// <summary>Mark a dataset FAILED and undo what provisioning left behind.</summary>
public sealed record FailProvisioningInput(string DatasetId, string Error, IReadOnlyList<string> FailedChecks);
