using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Registry;
using DataOps.Glean;
using DataOps.Glean.Model;

namespace DataOps.Functions.Validation;

/// <summary>Probes a dataset's connector through the Glean adapter and records what it found.</summary>
internal sealed class ConnectorProbes(IGleanConnectorService glean, ConnectorStore connectors, ConnectorMetricsStore metrics)
{
    /// <summary>The connector of a dataset, or a clear error when it was never created or now serves another dataset.</summary>
    public async Task<GleanConnector> ConnectorOfAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return (await connectors.GetOwnedAsync(dataset.Id, dataset.ConnectorName, cancellationToken).ConfigureAwait(false))?.Connector
            ?? throw new InvalidOperationException($"Connector '{dataset.ConnectorName.Value}' of dataset '{dataset.Id.Value}' was never created, or now serves another dataset.");
    }

    /// <summary>
    /// Probes and translates the adapter's view into the domain's <see cref="ConnectorProbe"/>, with the error rate the
    /// connector's metrics measured.
    /// </summary>
    public async Task<ConnectorProbe> ProbeAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var connector = await ConnectorOfAsync(dataset, cancellationToken).ConfigureAwait(false);
        var health = await glean.ProbeHealthAsync(connector, dataset.RecordCount, cancellationToken).ConfigureAwait(false);
        var populated = dataset.DataSource != DataSource.None;

        // The connector's own errors since this attempt began (at most a day back), this probe included: an earlier
        // attempt's failures were that attempt's.
        var errorRate = await metrics.ErrorRateAsync(connector.DatasourceName, dataset.ProvisioningStartedAt, cancellationToken).ConfigureAwait(false);
        var probe = new ConnectorProbe(
            health.Reachable,
            health.Authorized,
            health.ResponseTime,
            errorRate,
            !populated || health.LastUploadSuccessful,
            health.IndexedCount,
            populated ? dataset.RecordCount : null,
            health.Problems.Count == 0 ? null : string.Join("; ", health.Problems));
        var healthy = ConnectorHealthEvaluator.IsHealthy(probe);
        await connectors.SetStatusAsync(dataset.Id, connector.ConnectorName, healthy ? ConnectorStatuses.Healthy : ConnectorStatuses.Unhealthy, probe.Error ?? "ok", cancellationToken).ConfigureAwait(false);
        return probe;
    }
}
