namespace DataOps.Functions.Provisioning;

/// <summary>What a bulk retry did: how many FAILED datasets matched, the retries it started and the ones refused, each with the reason.</summary>
public sealed record BulkRetryResult(int Matched, IReadOnlyList<BulkRetryStarted> Started, IReadOnlyList<BulkRetryRefused> Refused, bool MoreMatched);

/// <summary>A retry a bulk retry started.</summary>
public sealed record BulkRetryStarted(string DatasetId, string InstanceId);

/// <summary>A dataset a bulk retry could not retry, and why.</summary>
public sealed record BulkRetryRefused(string DatasetId, string Reason);
