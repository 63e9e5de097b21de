namespace DataOps.Functions.Operations.Queries;

/// <summary>The dataset totals and provisioning times behind the dashboard's charts.</summary>
/// <param name="Total">How many datasets the registry holds.</param>
/// <param name="DatasetsByStatus">How many are in each status, every status named (zero included).</param>
/// <param name="Provisioning">The most recent provisioning times, newest first.</param>
/// <param name="ProvisioningSeconds">Statistics over every provisioning time.</param>
public sealed record OperationsSummary(
    int Total,
    IReadOnlyDictionary<string, int> DatasetsByStatus,
    IReadOnlyList<ProvisioningTime> Provisioning,
    ProvisioningStatistics ProvisioningSeconds);
