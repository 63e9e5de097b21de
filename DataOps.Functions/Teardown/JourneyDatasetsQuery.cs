using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Which datasets a journey has in a stage (all stages when null), for the journey event that happened at
/// <paramref name="OccurredAt"/> (null: whenever).
/// </summary>
public sealed record JourneyDatasetsQuery(JourneyId JourneyId, Stage? Stage, DateTimeOffset? OccurredAt = null);
