using DataOps.Functions.Workflows;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Reports;

/// <summary>
/// The seeds' success metrics over a window, read from the overview's projection (one row per client, kept by the
/// registry's writes) and the journey projection, not by scanning the registry.
/// </summary>
public sealed class SuccessMetricsQuery(EstateReader estate, TimeProvider time, IOptions<WorkflowOptions> options)
{
    /// <summary>The window when none is asked for: the last 30 days.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromDays(30);

    /// <summary>The metrics over <c>[from, to)</c>; the active orphans are counted now.</summary>
    public async Task<SuccessMetrics> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var datasets = await estate.OverviewAsync(cancellationToken).ConfigureAwait(false);
        var journeys = await estate.JourneysAsync(cancellationToken).ConfigureAwait(false);
        var orphans = OrphanCheck.Count(datasets, journeys, now, settings.OrphanScan.MinimumAge);
        return SuccessMetricsCalculator.Compute(datasets, orphans, from, to, now, settings.Teardown.GracePeriod);
    }
}
