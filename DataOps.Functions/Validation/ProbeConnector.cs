using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>Probes one READY dataset's connector for the health sweep.</summary>
internal sealed class ProbeConnector(DatasetLoader datasets, ConnectorProbes probes) : TaskActivity<DatasetId, ConnectorProbeResult>
{
    /// <inheritdoc />
    public override async Task<ConnectorProbeResult> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var probe = await probes.ProbeAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        var problems = ConnectorHealthEvaluator.Problems(probe);
        return new ConnectorProbeResult(input, problems.Count == 0, problems);
    }
}
