using DataOps.Domain.Common;

namespace DataOps.Domain.Datasets;

/// <summary>Persistence of the dataset aggregate: snapshot out, validated snapshot in.</summary>
public sealed partial class Dataset
{
    /// <summary>
    /// Loads a dataset from its persisted state; throws <see cref="DomainValidationException"/> when the snapshot is
    /// inconsistent (missing ids, a status without the fields it implies, negative counts).
    /// </summary>
    public static Dataset Restore(DatasetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var dataset = new Dataset(snapshot);
        dataset.CheckIdentity();
        dataset.CheckStateConsistency();
        return dataset;
    }

    /// <summary>The state to persist.</summary>
    public DatasetSnapshot ToSnapshot() => new()
    {
        Id = Id,
        Name = Name,
        Type = Type,
        Stage = Stage,
        ClientId = ClientId,
        ClientName = ClientName,
        JourneyId = JourneyId,
        TemplateId = TemplateId,
        DataSource = DataSource,
        ConnectorName = ConnectorName,
        Status = Status,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        ProvisioningStartedAt = ProvisioningStartedAt,
        ReadyAt = ReadyAt,
        FailedAt = FailedAt,
        TeardownStartedAt = TeardownStartedAt,
        TeardownCancelledAt = TeardownCancelledAt,
        DeleteAfter = DeleteAfter,
        ArchivedAt = ArchivedAt,
        RecordCount = RecordCount,
        SizeBytes = SizeBytes,
        QualityScore = QualityScore,
        FailureReason = FailureReason,
        FailedChecks = _failedChecks,
        TeardownReason = TeardownReason,
        ArchiveLocation = ArchiveLocation,
        RevalidationReason = RevalidationReason,
        Attempt = Attempt,
        EventSequence = EventSequence,
        ProvisionCompleted = ProvisionCompleted,
        ProvisionCompletedAt = ProvisionCompletedAt,
    };
}
