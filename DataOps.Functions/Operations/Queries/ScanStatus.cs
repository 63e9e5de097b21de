namespace DataOps.Functions.Operations.Queries;

/// <summary>The scheduled scans.</summary>
/// <param name="OrphanScan">The nightly search for connectors and datasets nothing owns.</param>
/// <param name="HealthSweep">The periodic probe of every ready dataset's connector.</param>
/// <param name="ConnectorSync">The periodic run that syncs the connectors whose stage's schedule says they are due.</param>
public sealed record ScanStatus(ScheduledScan OrphanScan, ScheduledScan HealthSweep, ScheduledScan ConnectorSync);
