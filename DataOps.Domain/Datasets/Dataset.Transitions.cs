using DataOps.Domain.Common;
using DataOps.Domain.Events;
using DataOps.Domain.Quality;

namespace DataOps.Domain.Datasets;

/// <summary>The lifecycle operations of the dataset aggregate.</summary>
public sealed partial class Dataset
{
    /// <summary>Records how many records (and bytes) were populated; allowed while provisioning. Same values: no change.</summary>
    public void RecordPopulation(long recordCount, long sizeBytes, DateTimeOffset now) =>
        RecordRecords(DatasetStatus.Provisioning, nameof(RecordPopulation), recordCount, sizeBytes, now);

    /// <summary>
    /// Records the records (and bytes) a scheduled sync pushed to a READY dataset's connector; the dataset stays READY
    /// until the validation that follows says otherwise. Same values: no change.
    /// </summary>
    public void RecordResync(long recordCount, long sizeBytes, DateTimeOffset now) =>
        RecordRecords(DatasetStatus.Ready, nameof(RecordResync), recordCount, sizeBytes, now);

    /// <summary>Sets the record and byte counts, allowed only in <paramref name="allowedIn"/>; same values: no change.</summary>
    private void RecordRecords(DatasetStatus allowedIn, string action, long recordCount, long sizeBytes, DateTimeOffset now)
    {
        if (Status != allowedIn)
        {
            throw new InvalidDatasetTransitionException(Id, Status, allowedIn, action);
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
        RaiseValidationStarted(DatasetStatus.Provisioning, "the connector is filled; the quality checks run", now);
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
        RaiseValidationStarted(DatasetStatus.Ready, text, now);
    }

    /// <summary>
    /// Notes, on a VALIDATING dataset, that its checks could not run (Glean or storage unavailable after every retry):
    /// not a verdict on the data, so the status stays VALIDATING and the health sweep runs the checks again.
    /// </summary>
    public void NoteChecksUnavailable(string reason, DateTimeOffset now)
    {
        var text = RequireText(reason, "reason");
        if (Status != DatasetStatus.Validating)
        {
            throw new InvalidDatasetTransitionException(Id, Status, DatasetStatus.Validating, nameof(NoteChecksUnavailable));
        }

        if (string.Equals(RevalidationReason, text, StringComparison.Ordinal))
        {
            return;
        }

        RevalidationReason = text;
        UpdatedAt = now;
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

    /// <summary>
    /// Starts the grace period once the connector is disconnected: the connector is deleted after
    /// <paramref name="deleteAfter"/>. Allowed in TEARDOWN. A grace period already started keeps its end (a resumed
    /// teardown waits for the time first promised, or extended, not a new full period): no change.
    /// </summary>
    public void StartGracePeriod(DateTimeOffset deleteAfter, DateTimeOffset now)
    {
        if (Status != DatasetStatus.Teardown)
        {
            throw new InvalidDatasetTransitionException(Id, Status, DatasetStatus.Teardown, nameof(StartGracePeriod));
        }

        if (DeleteAfter is not null)
        {
            return;
        }

        DeleteAfter = deleteAfter;
        UpdatedAt = now;
    }

    /// <summary>
    /// Moves the end of the grace period later; raises <see cref="DatasetTeardownExtended"/>. Allowed in TEARDOWN
    /// during the grace period. The same end again: no change (activities run at least once); an earlier one throws.
    /// </summary>
    public void ExtendGracePeriod(DateTimeOffset deleteAfter, string reason, DateTimeOffset now)
    {
        var text = RequireText(reason, "reason");
        if (Status != DatasetStatus.Teardown || DeleteAfter is null)
        {
            throw new InvalidDatasetTransitionException(Id, Status, DatasetStatus.Teardown, nameof(ExtendGracePeriod) + " (only during a grace period)");
        }

        if (deleteAfter == DeleteAfter)
        {
            return;
        }

        if (deleteAfter < DeleteAfter)
        {
            throw new DomainValidationException("deleteAfter", $"must not be earlier than the current end of the grace period ({DeleteAfter:O})");
        }

        DeleteAfter = deleteAfter;
        UpdatedAt = now;
        _domainEvents.Add(new DatasetTeardownExtended(NextEventId(nameof(DatasetTeardownExtended)), now, Id, JourneyId, deleteAfter, text));
    }

    /// <summary>
    /// TEARDOWN -> VALIDATING: the teardown is cancelled before the connector is deleted; raises
    /// <see cref="DatasetTeardownCancelled"/>. The dataset is revalidated and ends READY or FAILED. Already validating
    /// after a cancel: no change. ARCHIVED stays final.
    /// </summary>
    public void CancelTeardown(string reason, DateTimeOffset now)
    {
        var text = RequireText(reason, "reason");
        if (Status == DatasetStatus.Validating && string.Equals(RevalidationReason, CancelledTeardownReason(text), StringComparison.Ordinal))
        {
            return;
        }

        if (Status != DatasetStatus.Teardown)
        {
            throw new InvalidDatasetTransitionException(Id, Status, DatasetStatus.Validating, nameof(CancelTeardown));
        }

        MoveTo(DatasetStatus.Validating, now);
        RevalidationReason = CancelledTeardownReason(text);
        TeardownReason = null;
        TeardownStartedAt = null;
        TeardownCancelledAt = now;
        DeleteAfter = null;
        _domainEvents.Add(new DatasetTeardownCancelled(NextEventId(nameof(DatasetTeardownCancelled)), now, Id, JourneyId, text));
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

    private static string CancelledTeardownReason(string reason) => "teardown cancelled: " + reason;
}
