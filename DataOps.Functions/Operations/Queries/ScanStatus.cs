namespace DataOps.Functions.Operations.Queries;

/// <summary>The scheduled scans.</summary>
/// <param name="OrphanScan">The nightly search for connectors and datasets nothing owns.</param>
/// <param name="HealthSweep">The periodic probe of every ready dataset's connector.</param>
public sealed record ScanStatus(ScheduledScan OrphanScan, ScheduledScan HealthSweep);
