using DataOps.Domain.Quality;
using DataOps.Durable;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Activities;

/// <summary>Connector health check: reachable, authorized, fast, last upload successful, every record indexed.</summary>
public sealed class RunConnectorHealthCheck(DatasetLoader datasets, ConnectorProbes probes) : TaskActivity<string, QualityCheckOutcome>
{
    /// <inheritdoc />
    public override async Task<QualityCheckOutcome> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, context.CancellationToken).ConfigureAwait(false)).Dataset;
        var probe = await probes.ProbeAsync(dataset, context.CancellationToken).ConfigureAwait(false);
        return QualityCheckMapping.ToOutcome(ConnectorHealthEvaluator.Evaluate(probe));
    }
}
