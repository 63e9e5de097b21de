using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Reports;

/// <summary>
/// The active orphans: datasets the orphan scan would tear down now (the domain's <see cref="OrphanRule"/> over the
/// statuses the scan considers: provisioning, validating, ready and failed). One in teardown is being cleaned up,
/// not an active orphan.
/// </summary>
internal static class OrphanCheck
{
    private static readonly HashSet<DatasetStatus> Candidates = [DatasetStatus.Provisioning, DatasetStatus.Validating, DatasetStatus.Ready, DatasetStatus.Failed];

    /// <summary>Every active orphan with the rule's reason, ordered by dataset id.</summary>
    public static IReadOnlyList<(DatasetSnapshot Dataset, string Reason)> Find(IEnumerable<DatasetSnapshot> datasets, IReadOnlyDictionary<JourneyId, JourneyState> journeys, DateTimeOffset now, TimeSpan minimumAge)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(journeys);
        return datasets
            .Where(d => Candidates.Contains(d.Status))
            .Select(d => (Dataset: d, Check: OrphanRule.Assess(Dataset.Restore(d), journeys.GetValueOrDefault(d.JourneyId), now, minimumAge)))
            .Where(x => x.Check.Allowed)
            .OrderBy(x => x.Dataset.Id.Value, StringComparer.Ordinal)
            .Select(x => (x.Dataset, x.Check.Reason))
            .ToList();
    }

    /// <summary>How many of the projected datasets are active orphans (the same rule, from the overview's entries).</summary>
    public static int Count(IEnumerable<OverviewEntry> datasets, IReadOnlyDictionary<JourneyId, JourneyState> journeys, DateTimeOffset now, TimeSpan minimumAge)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(journeys);
        return datasets.Count(d => Candidates.Contains(d.Status)
            && JourneyId.Create(d.JourneyId) is var journey
            && OrphanRule.Assess(new OrphanFacts(DatasetId.Create(d.DatasetId), journey, d.Stage, d.Status, d.CreatedAt), journeys.GetValueOrDefault(journey), now, minimumAge).Allowed);
    }
}
