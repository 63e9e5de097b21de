using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Validation;

/// <summary>One validation run as the quality history keeps it: its checks, score and outcome, and what it was run on.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="ValidatedAt">When the run ended.</param>
/// <param name="Score">The weighted overall score; null when the checks could not run.</param>
/// <param name="Outcome">Ready, failed, or unchecked (the checks could not run: no verdict on the data).</param>
/// <param name="Trigger">What started the run.</param>
/// <param name="ClientId">The dataset's client.</param>
/// <param name="Stage">The dataset's stage.</param>
/// <param name="DatasetType">The dataset's type.</param>
/// <param name="TemplateId">The template the dataset was built from; null when none (production).</param>
/// <param name="TemplateVersion">That template's version at the time of the run; null when unknown.</param>
/// <param name="Checks">The checks that ran (all four, unless the run is unchecked).</param>
public sealed record QualityRun(
    DatasetId DatasetId,
    DateTimeOffset ValidatedAt,
    double? Score,
    WorkflowOutcome Outcome,
    ValidationTrigger Trigger,
    ClientId ClientId,
    Stage Stage,
    DatasetType DatasetType,
    string? TemplateId,
    string? TemplateVersion,
    IReadOnlyList<QualityCheckOutcome> Checks);
