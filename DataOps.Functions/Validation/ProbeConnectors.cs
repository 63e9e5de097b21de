using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Workflows;
using DataOps.Glean.Http;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Probes a batch of READY datasets' connectors for the health sweep, <see cref="Parallelism"/> at a time, as background
/// work (<see cref="GleanTraffic"/>): the probes take at most Glean's background share of requests per second, so at
/// any estate size the sweep paces itself and provisioning keeps the rest. One activity per batch rather than per
/// dataset keeps the sweep's own storage work small. A dataset no longer READY is not probed (as
/// <see cref="ProbeConnector"/>); one whose probe could not run (storage down while loading it) is
/// <see cref="ProbeBatchResult.Unprobed"/> and the next sweep tries it again.
/// </summary>
internal sealed partial class ProbeConnectors(DatasetLoader datasets, ConnectorProbes probes, ILogger<ProbeConnectors> logger)
    : TaskActivity<IReadOnlyList<DatasetId>, ProbeBatchResult>
{
    /// <summary>Probes in flight at once within a batch (the rate limiter decides how fast they go).</summary>
    public const int Parallelism = 8;

    /// <inheritdoc />
    public override async Task<ProbeBatchResult> RunAsync(TaskActivityContext context, IReadOnlyList<DatasetId> input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var results = new ConnectorProbeResult?[input.Count];
        var skipped = 0;
        using (GleanTraffic.Background())
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, input.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                async (i, token) =>
                {
                    try
                    {
                        var dataset = (await datasets.LoadAsync(input[i], token).ConfigureAwait(false)).Dataset;
                        if (dataset.Status != DatasetStatus.Ready)
                        {
                            Interlocked.Increment(ref skipped);
                            return;
                        }

                        var problems = ConnectorHealthEvaluator.Problems(await probes.ProbeAsync(dataset, token).ConfigureAwait(false));
                        results[i] = new ConnectorProbeResult(input[i], problems.Count == 0, problems);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogNotProbed(logger, ex, input[i].Value);
                    }
                }).ConfigureAwait(false);
        }

        var verdicts = results.OfType<ConnectorProbeResult>().ToList();
        return new ProbeBatchResult(verdicts, Skipped: skipped, Unprobed: input.Count - verdicts.Count - skipped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health sweep: dataset {DatasetId} could not be probed; the next sweep tries again")]
    private static partial void LogNotProbed(ILogger logger, Exception exception, string datasetId);
}
