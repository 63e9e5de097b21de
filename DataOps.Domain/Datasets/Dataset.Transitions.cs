using DataOps.Domain.Common;
using DataOps.Domain.Events;
using DataOps.Domain.Quality;

namespace DataOps.Domain.Datasets;

/// <summary>The lifecycle operations of the dataset aggregate.</summary>
public sealed partial class Dataset
{
    /// <summary>Records how many records (and bytes) were populated; allowed while provisioning. Same values: no change.</summary>
    public void RecordPopulation(long recordCount, long sizeBytes, DateTimeOffset now)
    {
        if (Status != DatasetStatus.Provisioning)
        {
            throw new InvalidDatasetTransitionException(Id, Status, DatasetStatus.Provisioning, nameof(RecordPopulation));
        }

        ArgumentOutOfRangeCheck(recordCount, "recordCount");
        ArgumentOutOfRangeCheck(sizeBytes, "sizeBytes");
        if (recordCount == RecordCount && sizeBytes == SizeBytes)
        {
            return;
        }

        RecordCount = recordCount;
        SizeBytes = sizeBytes;
        UpdatedAt = now;
    }

    /// <summary>PROVISIONING -> VALIDATING once the connector is populated. Already validating: no change.</summary>
    public void StartValidation(DateTimeOffset now)
    {
        if (Status == DatasetStatus.Validating)
        {
            return;
        }

        EnsureCan(DatasetStatus.Validating, nameof(StartValidation));
        if (Status != DatasetStatus.Provisioning)
        {
            throw new InvalidDatasetTransitionException(Id, Status, DatasetStatus.Validating, nameof(StartValidation) + " (use RevertToValidating for a READY dataset)");
        }

        MoveTo(DatasetStatus.Validating, now);
    }

    /// <summary>
    /// VALIDATING -> READY with a score that meets the READY rule; raises <see cref="DatasetReady"/> and, the
    /// first time the current provisioning attempt gets here, <see cref="DatasetProvisionCompleted"/>.
    /// Throws <see cref="DomainException"/> when the score does not meet the rule (quality threshold invariant).
    /// </summary>
    public void MarkReady(QualityScore score, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(score);
        EnsureCan(DatasetStatus.Ready, nameof(MarkReady));
        if (!score.MeetsReadyRule)
        {
            throw new DomainException($"Dataset {Id.Value}: a quality score of {score.Overall:0.##} with failed checks [{string.Join(", ", score.FailedChecks.Select(c => c.ToWireName()))}] does not meet the READY rule.");
        }

        MoveTo(DatasetStatus.Ready, now);
        QualityScore = score;
        ReadyAt = now;
        RevalidationReason = null;
        _domainEvents.Add(new DatasetReady(NextEventId(nameof(DatasetReady)), now, Id, JourneyId, score.Overall));
        if (!ProvisionCompleted)
        {
            ProvisionCompleted = true;
            ProvisionCompletedAt = now;
            var minutes = (int)Math.Max(0, Math.Floor((now - ProvisioningStartedAt).TotalMinutes));
            _domainEvents.Add(new DatasetProvisionCompleted(NextEventId(nameof(DatasetProvisionCompleted)), now, Id, JourneyId, score.Overall, RecordCount, ConnectorName, minutes));
        }
    }

    /// <summary>
    /// PROVISIONING or VALIDATING -> FAILED; raises <see cref="DatasetValidationFailed"/>. Already failed for the same
    /// reason and checks: no change (activities run at least once); a different failure of a failed dataset throws.
    /// </summary>
    public void MarkFailed(string errorMessage, IEnumerable<QualityCheckType> failedChecks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failedChecks);
        var message = RequireText(errorMessage, "errorMessage");
        var checks = failedChecks.Distinct().Order().ToArray();
        if (Status == DatasetStatus.Failed && string.Equals(message, FailureReason, StringComparison.Ordinal) && checks.SequenceEqual(_failedChecks))
        {
            return;
        }

        EnsureCan(DatasetStatus.Failed, nameof(MarkFailed));
        MoveTo(DatasetStatus.Failed, now);
        FailureReason = message;
        FailedAt = now;
        _failedChecks = checks;
        _domainEvents.Add(new DatasetValidationFailed(NextEventId(nameof(DatasetValidationFailed)), now, Id, JourneyId, checks, message));
    }

    /// <summary>VALIDATING -> FAILED from a decision that is not READY; keeps its score and names its failed checks.</summary>
    public void MarkFailed(QualityDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.IsReady)
        {
            throw new DomainException($"Dataset {Id.Value}: a READY decision cannot fail the dataset.");
        }

        if (Status != DatasetStatus.Failed && Status != DatasetStatus.Validating)
        {
            throw new InvalidDatasetTransitionException(Id, Status, DatasetStatus.Failed, nameof(MarkFailed) + " (quality decision)");
        }

        var before = EventSequence;
        MarkFailed(decision.Summary, decision.Score.FailedChecks, now);
        if (EventSequence != before)
        {
            QualityScore = decision.Score;
        }
    }

    /// <summary>READY -> VALIDATING because the connector turned unhealthy (connector health rule). Already validating: no change.</summary>
    public void RevertToValidating(string reason, DateTimeOffset now)
    {
        var text = RequireText(reason, "reason");
        if (Status == DatasetStatus.Validating)
        {
            return;
        }

        EnsureCan(DatasetStatus.Validating, nameof(RevertToValidating));
        if (Status != DatasetStatus.Ready)
        {
            throw new InvalidDatasetTransitionException(Id, Status, DatasetStatus.Validating, nameof(RevertToValidating));
        }

        MoveTo(DatasetStatus.Validating, now);
        RevalidationReason = text;
    }

    /// <summary>FAILED -> PROVISIONING for a new attempt; clears the failure and the population, raises <see cref="DatasetProvisioningStarted"/>.</summary>
    public void RetryProvisioning(DateTimeOffset now)
    {
        EnsureCan(DatasetStatus.Provisioning, nameof(RetryProvisioning));
        MoveTo(DatasetStatus.Provisioning, now);
        Attempt++;
        ProvisioningStartedAt = now;
        ProvisionCompleted = false;
        ProvisionCompletedAt = null;
        FailureReason = null;
        FailedAt = null;
        _failedChecks = [];
        QualityScore = null;
        RecordCount = 0;
        SizeBytes = 0;
        RaiseProvisioningStarted(now);
    }

    /// <summary>
    /// READY or FAILED -> TEARDOWN; raises <see cref="DatasetTeardownStarted"/>. Already in teardown: no change (the
    /// first reason stays). A dataset still provisioning or validating must be failed first. Whether teardown is
    /// safe for the journey is <c>TeardownSafety</c>'s call, made before this.
    /// </summary>
    public void StartTeardown(TeardownReason reason, DateTimeOffset now)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainValidationException("reason", "is not a known teardown reason");
        }

        if (Status == DatasetStatus.Teardown)
        {
            return;
        }

        EnsureCan(DatasetStatus.Teardown, nameof(StartTeardown));
        MoveTo(DatasetStatus.Teardown, now);
        TeardownReason = reason;
        TeardownStartedAt = now;
        _domainEvents.Add(new DatasetTeardownStarted(NextEventId(nameof(DatasetTeardownStarted)), now, Id, JourneyId, reason));
    }

    /// <summary>TEARDOWN -> ARCHIVED, final; raises <see cref="DatasetArchived"/>. Every later operation throws.</summary>
    /// <param name="archiveLocation">Where the archive was written (blob prefix; '/' allowed, no control characters).</param>
    /// <param name="originalSizeBytes">The dataset's size before removal.</param>
    /// <param name="now">The current time.</param>
    public void Archive(string archiveLocation, long originalSizeBytes, DateTimeOffset now)
    {
        EnsureCan(DatasetStatus.Archived, nameof(Archive));
        var location = RequireText(archiveLocation, "archiveLocation");
        if (location.Any(char.IsControl))
        {
            throw new DomainValidationException("archiveLocation", "must not contain control characters");
        }

        ArgumentOutOfRangeCheck(originalSizeBytes, "originalSizeBytes");
        MoveTo(DatasetStatus.Archived, now);
        ArchiveLocation = location;
        ArchivedAt = now;
        SizeBytes = originalSizeBytes;
        _domainEvents.Add(new DatasetArchived(NextEventId(nameof(DatasetArchived)), now, Id, JourneyId, location, originalSizeBytes));
    }

    private static void ArgumentOutOfRangeCheck(long value, string field)
    {
        if (value < 0)
        {
            throw new DomainValidationException(field, "must not be negative");
        }
    }
}
