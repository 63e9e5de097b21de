namespace DataOps.Functions.Watch;

/// <summary>Find orphaned datasets as of a time.</summary>
public sealed record OrphanScanInput(DateTimeOffset Now, TimeSpan MinimumAge, TimeSpan GracePeriod);
