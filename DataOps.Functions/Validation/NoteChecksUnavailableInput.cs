using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>The quality checks of a VALIDATING dataset could not run, and why.</summary>
public sealed record NoteChecksUnavailableInput(DatasetId DatasetId, string Reason);
