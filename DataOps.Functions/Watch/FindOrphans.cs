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

        // The rule is judged on the listing first, and only the datasets it flags (few, on any day) are read again and
        // judged on their authoritative row: a scan of a large estate makes one point read per orphan, not per dataset.
        var journeyOf = await JourneysAsync(listed.Select(d => d.JourneyId.Value)).ConfigureAwait(false);
        var flagged = listed.Where(d => IsOrphan(d, journeyOf, input));
        var orphans = (await scans.ConfirmAsync(flagged, Candidates, CancellationToken.None).ConfigureAwait(false))
            .Where(d => IsOrphan(d, journeyOf, input))
            .Select(d => d.Id);
        return new ScanResult(listed.Count, orphans.OrderBy(id => id.Value, StringComparer.Ordinal).ToArray());
    }

    private static bool IsOrphan(DatasetSnapshot dataset, Dictionary<string, JourneyView?> journeys, OrphanScanInput input) =>
        OrphanRule.Assess(Dataset.Restore(dataset), journeys[dataset.JourneyId.Value]?.ToState(), input.Now, input.MinimumAge).Allowed;

    /// <summary>The journeys of the listed datasets, each read once, <see cref="RegistryScans.ReadParallelism"/> at a time.</summary>
    private async Task<Dictionary<string, JourneyView?>> JourneysAsync(IEnumerable<string> journeyIds)
    {
        var ids = journeyIds.Distinct(StringComparer.Ordinal).ToArray();
        var views = await RegistryScans.ReadEachAsync(ids, (id, token) => journeys.GetAsync(id, token), CancellationToken.None).ConfigureAwait(false);
        return ids.Zip(views).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }
}
