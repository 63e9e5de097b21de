using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Operations.Queries;

/// <summary>
/// The totals behind the dashboard's charts: datasets by status, and how long provisioning took (median, 95th
/// percentile and the most recent <see cref="ProvisioningSampleSize"/>), over every dataset. Read from the overview's
/// projection (<see cref="OverviewProjection"/>: one row per client, kept by the registry's writes), not by scanning the
/// registry; the first read of a registry that predates the projection scans it once and projects it.
/// </summary>
public sealed class OperationsSummaryQuery(IDatasetRegistry registry, OverviewProjection overview)
{
    /// <summary>How many provisioning times the summary lists (the most recent).</summary>
    public const int ProvisioningSampleSize = 100;

    /// <summary>Summarizes the projection's entries (projecting the registry first when it never was).</summary>
    public async Task<OperationsSummary> ReadAsync(CancellationToken cancellationToken) =>
        Summarize(await overview.ReadAllAsync(registry, cancellationToken));

    /// <summary>The summary of <paramref name="datasets"/>.</summary>
    internal static OperationsSummary Summarize(IReadOnlyCollection<DatasetSnapshot> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        return Summarize([.. datasets.Select(OverviewEntry.From)]);
    }

    /// <summary>The summary of <paramref name="datasets"/>; among equally recent provisionings the lower dataset id comes first.</summary>
    internal static OperationsSummary Summarize(IReadOnlyCollection<OverviewEntry> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var byStatus = Enum.GetValues<DatasetStatus>().ToDictionary(s => s.ToWireName(), _ => 0, StringComparer.Ordinal);
        var provisioning = new List<(OverviewEntry Dataset, double Seconds)>();
        foreach (var dataset in datasets)
        {
            byStatus[dataset.Status.ToWireName()]++;
            if (dataset.ProvisioningSeconds is { } took)
            {
                provisioning.Add((dataset, took));
            }
        }

        var seconds = provisioning.Select(p => p.Seconds).Order().ToArray();
        return new OperationsSummary(
            datasets.Count,
            byStatus,
            [.. provisioning
                .OrderByDescending(p => p.Dataset.ProvisionCompletedAt)
                .ThenBy(p => p.Dataset.DatasetId, StringComparer.Ordinal)
                .Take(ProvisioningSampleSize)
                .Select(p => new ProvisioningTime(
                    p.Dataset.DatasetId,
                    p.Dataset.Type.ToWireName(),
                    p.Dataset.Stage.ToWireName(),
                    p.Dataset.ProvisionCompletedAt,
                    Math.Round(p.Seconds, 1)))],
            new ProvisioningStatistics(seconds.Length, Percentile(seconds, 0.5), Percentile(seconds, 0.95)));
    }

    /// <summary>The nearest-rank percentile of sorted values; null when there are none.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }
}
