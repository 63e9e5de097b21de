namespace DataOps.Functions.Provisioning;

/// <summary>How many records went into the connector.</summary>
public sealed record PopulationSummary(long RecordCount, long SizeBytes, int Pages);
