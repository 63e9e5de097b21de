namespace DataOps.Domain.Metrics;

/// <summary>
/// The seeds' operational and performance success metrics (DDD-003 "Success Metrics"), the targets the product is
/// measured against: at least 98 % first-time provisioning success, at least 90 % of datasets scoring at least 95,
/// 100 % of teardowns cleaned up within 24 h, fewer than 5 active orphans at any time, provisioning p95 under 60 minutes.
/// </summary>
public static class SuccessTargets
{
    /// <summary>Provisioning success rate: at least this share (percent) of datasets succeed on their first attempt.</summary>
    public const double FirstAttemptSuccessPercent = 98;

    /// <summary>The score a dataset must reach to count in the quality score distribution.</summary>
    public const double QualityScore = 95;

    /// <summary>Quality score distribution: at least this share (percent) of datasets score <see cref="QualityScore"/> or more.</summary>
    public const double ScoringAtLeastQualityScorePercent = 90;

    /// <summary>Teardown completion rate: this share (percent) of teardowns finish within <see cref="TeardownCleanupAllowance"/>.</summary>
    public const double TeardownCompletionPercent = 100;

    /// <summary>Orphaned dataset count: fewer than this many active orphans at any time.</summary>
    public const int ActiveOrphansBelow = 5;

    /// <summary>
    /// How late after the end of its grace period a teardown may finish and still count as cleaned up "within 24 h":
    /// the 24-hour grace period between disconnect and delete is deliberate (an operator can extend it), so the
    /// clock of the seeds' 24 hours starts when the grace period ends.
    /// </summary>
    public static TimeSpan TeardownCleanupAllowance { get; } = TimeSpan.FromHours(24);

    /// <summary>Provisioning duration: the 95th percentile stays under this.</summary>
    public static TimeSpan ProvisioningP95Below { get; } = TimeSpan.FromMinutes(60);
}
