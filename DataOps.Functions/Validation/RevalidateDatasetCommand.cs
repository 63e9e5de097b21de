using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>An operator asks for a ready dataset to be validated again now.</summary>
/// <param name="DatasetId">The dataset.</param>
public sealed record RevalidateDatasetCommand(DatasetId DatasetId);
