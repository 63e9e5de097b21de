using DataOps.Domain.Quality;
using DataOps.Durable;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Activities;

/// <summary>Probes one READY dataset's connector for the health sweep.</summary>
public sealed class ProbeConnector(DatasetLoader datasets, ConnectorProbes probes) : TaskActivity<string, ConnectorProbeResult>
{
    /// <inheritdoc />
    public override async Task<ConnectorProbeResult> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, context.CancellationToken).ConfigureAwait(false)).Dataset;
        var probe = await probes.ProbeAsync(dataset, context.CancellationToken).ConfigureAwait(false);
        var problems = ConnectorHealthEvaluator.Problems(probe);
        return new ConnectorProbeResult(input, problems.Count == 0, problems);
    }
}
