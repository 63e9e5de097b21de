using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Probes one READY dataset's connector for the health sweep. The sweep lists READY datasets before it probes them, so a
/// dataset torn down (or otherwise moved on) in between is not probed: its connector may be retired, and a probe would
/// touch a datasource no live dataset holds and record a retired connector as unhealthy. It counts as healthy (no verdict).
/// </summary>
internal sealed class ProbeConnector(DatasetLoader datasets, ConnectorProbes probes) : TaskActivity<DatasetId, ConnectorProbeResult>
{
    /// <inheritdoc />
    public override async Task<ConnectorProbeResult> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        if (dataset.Status != DatasetStatus.Ready)
        {
            return new ConnectorProbeResult(input, true, []);
        }

        var probe = await probes.ProbeAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        var problems = ConnectorHealthEvaluator.Problems(probe);
        return new ConnectorProbeResult(input, problems.Count == 0, problems);
    }
}
