namespace DataOps.Functions.Validation;

/// <summary>Send a READY dataset back to VALIDATING.</summary>
public sealed record RevertToValidatingInput(string DatasetId, string Reason);
