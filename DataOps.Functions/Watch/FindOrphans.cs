using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using DataOps.Functions.Registry;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>
/// The orphan rule: a dataset not archived (nor already being torn down) whose journey is completed, unknown, or now
/// in another stage, and that is older than the minimum age.
/// </summary>
internal sealed class FindOrphans(RegistryScans scans, JourneyProjectionStore journeys) : TaskActivity<OrphanScanInput, ScanResult>
{
    private static readonly HashSet<DatasetStatus> Candidates = [DatasetStatus.Provisioning, DatasetStatus.Validating, DatasetStatus.Ready, DatasetStatus.Failed];

    /// <inheritdoc />
    public override async Task<ScanResult> RunAsync(TaskActivityContext context, OrphanScanInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var listed = new List<DatasetSnapshot>();
        foreach (var status in Candidates)
        {
            listed.AddRange(await scans.AllAsync(new DatasetQuery { Status = status }, CancellationToken.None).ConfigureAwait(false));
        }

        var orphans = new List<DatasetId>();
        var journeyCache = new Dictionary<string, JourneyView?>(StringComparer.Ordinal);
        foreach (var dataset in await scans.ConfirmAsync(listed, Candidates, CancellationToken.None).ConfigureAwait(false))
        {
            if (!journeyCache.TryGetValue(dataset.JourneyId.Value, out var journey))
            {
                journey = await journeys.GetAsync(dataset.JourneyId.Value, CancellationToken.None).ConfigureAwait(false);
                journeyCache[dataset.JourneyId.Value] = journey;
            }

            if (OrphanRule.Assess(Dataset.Restore(dataset), journey?.ToState(), input.Now, input.MinimumAge).Allowed)
            {
                orphans.Add(dataset.Id);
            }
        }

        return new ScanResult(listed.Count, orphans.OrderBy(id => id.Value, StringComparer.Ordinal).ToArray());
    }
}
