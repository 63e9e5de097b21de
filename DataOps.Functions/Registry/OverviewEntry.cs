using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

/// <summary>
/// What the operator views count of one dataset, as <see cref="OverviewProjection"/> keeps it: the overview's totals
/// and provisioning times, and what the success metrics and the active-orphan count are computed from.
/// </summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Status">Its status.</param>
/// <param name="Type">Its type.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="ProvisioningSeconds">How long its current provisioning attempt took, once it finished.</param>
/// <param name="ProvisionCompletedAt">When its current provisioning attempt finished.</param>
public sealed record OverviewEntry(string DatasetId, DatasetStatus Status, DatasetType Type, Stage Stage, double? ProvisioningSeconds, DateTimeOffset? ProvisionCompletedAt)
{
    /// <summary>Its journey.</summary>
    public string JourneyId { get; init; } = string.Empty;

    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its provisioning attempt (1 for the first).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Whether its current attempt has reached READY once.</summary>
    public bool ProvisionCompleted { get; init; }

    /// <summary>Its latest overall quality score.</summary>
    public double? QualityScore { get; init; }

    /// <summary>When its latest quality score was calculated.</summary>
    public DateTimeOffset? QualityCalculatedAt { get; init; }

    /// <summary>When its teardown started.</summary>
    public DateTimeOffset? TeardownStartedAt { get; init; }

    /// <summary>When its grace period ends, once it started.</summary>
    public DateTimeOffset? DeleteAfter { get; init; }

    /// <summary>When it was archived.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>The entry of a dataset as the registry holds it.</summary>
    public static OverviewEntry From(DatasetSnapshot dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new(dataset.Id.Value, dataset.Status, dataset.Type, dataset.Stage, dataset.ProvisioningDuration?.TotalSeconds, dataset.ProvisionCompletedAt)
        {
            JourneyId = dataset.JourneyId.Value,
            CreatedAt = dataset.CreatedAt,
            Attempt = dataset.Attempt,
            ProvisionCompleted = dataset.ProvisionCompleted,
            QualityScore = dataset.QualityScore?.Overall,
            QualityCalculatedAt = dataset.QualityScore?.CalculatedAt,
            TeardownStartedAt = dataset.TeardownStartedAt,
            DeleteAfter = dataset.DeleteAfter,
            ArchivedAt = dataset.ArchivedAt,
        };
    }
}
