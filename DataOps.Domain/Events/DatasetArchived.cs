using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>The dataset was archived and removed from Glean; final.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When it was archived (<c>archived_at</c>).</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="ArchiveLocation">Where the archive was written (blob prefix).</param>
/// <param name="OriginalSizeBytes">The dataset's size before removal.</param>
public sealed record DatasetArchived(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    string ArchiveLocation,
    long OriginalSizeBytes) : DomainEvent(EventId, OccurredAt);
