using System.Globalization;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Registry;

/// <summary>
/// Orphan rule (Decisions table): a dataset that is not archived, whose journey is completed, unknown, or now in
/// another stage, and that is older than a minimum age (default 24 h, so a dataset provisioned moments before
/// its journey event arrives is not swept). Datasets already in teardown are reported too, so the scan resumes
/// a teardown that stalled (starting teardown again is a no-op on the aggregate).
/// </summary>
public static class OrphanRule
{
    /// <summary>The default minimum age.</summary>
    public static TimeSpan DefaultMinimumAge { get; } = TimeSpan.FromHours(24);

    /// <summary>Whether one dataset is an orphan, with the reason.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="journey">Its journey's state; null when the registry does not know the journey.</param>
    /// <param name="now">The scan time.</param>
    /// <param name="minimumAge">Minimum age; default <see cref="DefaultMinimumAge"/>.</param>
    public static RegistryCheck Assess(Dataset dataset, JourneyState? journey, DateTimeOffset now, TimeSpan? minimumAge = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Assess(new OrphanFacts(dataset.Id, dataset.JourneyId, dataset.Stage, dataset.Status, dataset.CreatedAt), journey, now, minimumAge);
    }

    /// <summary>Whether a dataset known by the facts the rule reads is an orphan, with the reason.</summary>
    /// <param name="dataset">What the rule reads of the dataset.</param>
    /// <param name="journey">Its journey's state; null when the registry does not know the journey.</param>
    /// <param name="now">The scan time.</param>
    /// <param name="minimumAge">Minimum age; default <see cref="DefaultMinimumAge"/>.</param>
    public static RegistryCheck Assess(OrphanFacts dataset, JourneyState? journey, DateTimeOffset now, TimeSpan? minimumAge = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var minAge = minimumAge ?? DefaultMinimumAge;
        ArgumentOutOfRangeException.ThrowIfLessThan(minAge, TimeSpan.Zero, nameof(minimumAge));
        if (journey is not null && journey.JourneyId != dataset.JourneyId)
        {
            throw new ArgumentException($"Journey {journey.JourneyId.Value} is not dataset {dataset.Id.Value}'s journey.", nameof(journey));
        }

        if (dataset.Status == DatasetStatus.Archived)
        {
            return RegistryCheck.Refuse("archived");
        }

        var age = now - dataset.CreatedAt;
        var why = journey switch
        {
            null => $"journey {dataset.JourneyId.Value} is unknown",
            { Completed: true } => $"journey {dataset.JourneyId.Value} is completed",
            _ when journey.CurrentStage != dataset.Stage => $"journey {dataset.JourneyId.Value} moved to {journey.CurrentStage.ToWireName()}",
            _ => null,
        };
        if (why is null)
        {
            return RegistryCheck.Refuse($"journey {dataset.JourneyId.Value} is active in {dataset.Stage.ToWireName()}");
        }

        if (age < minAge)
        {
            return RegistryCheck.Refuse(string.Format(CultureInfo.InvariantCulture, "{0}, but the dataset is only {1:0.#} h old (minimum {2:0.#} h)", why, age.TotalHours, minAge.TotalHours));
        }

        return RegistryCheck.Allow(why);
    }

    /// <summary>The orphans among <paramref name="datasets"/>, in input order, each with its reason.</summary>
    public static IReadOnlyList<(Dataset Dataset, string Reason)> FindOrphans(IEnumerable<Dataset> datasets, IReadOnlyDictionary<JourneyId, JourneyState> journeys, DateTimeOffset now, TimeSpan? minimumAge = null)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(journeys);
        return datasets
            .Select(d => (Dataset: d, Check: Assess(d, journeys.GetValueOrDefault(d.JourneyId), now, minimumAge)))
            .Where(x => x.Check.Allowed)
            .Select(x => (x.Dataset, x.Check.Reason))
            .ToArray();
    }
}
