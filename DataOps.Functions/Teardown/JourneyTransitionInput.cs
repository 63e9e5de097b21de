using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>A journey moved from one stage to another (or completed, when <paramref name="ToStage"/> is null).</summary>
public sealed record JourneyTransitionInput(JourneyId JourneyId, ClientId ClientId, Stage? FromStage, Stage? ToStage, bool Completed, DateTimeOffset OccurredAt, TimeSpan GracePeriod);
