using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>Send a READY dataset back to VALIDATING.</summary>
public sealed record RevertToValidatingInput(DatasetId DatasetId, string Reason);
