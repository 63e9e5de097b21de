namespace DataOps.Functions.Validation;

/// <summary>
/// What probing a batch of connectors found: a verdict per probed dataset, how many were no longer READY (not probed,
/// no verdict) and how many could not be probed this time.
/// </summary>
public sealed record ProbeBatchResult(IReadOnlyList<ConnectorProbeResult> Verdicts, int Skipped, int Unprobed);
