using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Connector health check: reachable, authorized, fast, last upload successful, every record indexed. A Glean that
/// does not answer fails the activity (<see cref="QualityCheckUnavailableException"/>) so it is retried, not scored.
/// </summary>
internal sealed class RunConnectorHealthCheck(DatasetLoader datasets, ConnectorProbes probes) : TaskActivity<DatasetId, QualityCheckOutcome>
{
    /// <inheritdoc />
    public override async Task<QualityCheckOutcome> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var probe = await probes.ProbeAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        if (!probe.Connected)
        {
            throw new QualityCheckUnavailableException("Glean did not answer the health probe (429/5xx after retries, or unreachable); the check runs again");
        }

        return QualityCheckMapping.ToOutcome(ConnectorHealthEvaluator.Evaluate(probe));
    }
}
