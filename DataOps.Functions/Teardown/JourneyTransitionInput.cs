namespace DataOps.Functions.Teardown;

/// <summary>A journey moved from one stage to another (or completed, when <paramref name="ToStage"/> is null).</summary>
public sealed record JourneyTransitionInput(string JourneyId, string ClientId, string? FromStage, string? ToStage, bool Completed, DateTimeOffset OccurredAt, TimeSpan GracePeriod);
