using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>The quality checks of a VALIDATING dataset could not run, and why.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Reason">Which checks failed to run, and how.</param>
/// <param name="Trigger">What started the run.</param>
/// <param name="ValidatedAt">When the run ended (the orchestration's clock); null from inputs written before it existed.</param>
/// <param name="Checks">The checks that did run.</param>
public sealed record NoteChecksUnavailableInput(
    DatasetId DatasetId,
    string Reason,
    ValidationTrigger Trigger = ValidationTrigger.Manual,
    DateTimeOffset? ValidatedAt = null,
    IReadOnlyList<QualityCheckOutcome>? Checks = null);
