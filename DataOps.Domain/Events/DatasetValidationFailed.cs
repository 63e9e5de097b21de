using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>The dataset went to FAILED: quality checks failed, or provisioning failed before validation.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When it failed (<c>failed_at</c>).</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="FailedChecks">The checks that failed; empty when provisioning itself failed.</param>
/// <param name="ErrorMessage">What went wrong.</param>
public sealed record DatasetValidationFailed(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    IReadOnlyList<QualityCheckType> FailedChecks,
    string ErrorMessage) : DomainEvent(EventId, OccurredAt)
{
    /// <summary>The checks that failed, compared by content.</summary>
    public IReadOnlyList<QualityCheckType> FailedChecks { get; init; } = ValueList<QualityCheckType>.From(FailedChecks);
}
