using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;

namespace DataOps.Functions.Registry;

/// <summary>Maps the domain's <see cref="DatasetSnapshot"/> to and from its Table row.</summary>
internal static class DatasetEntityMapper
{
    private const char ListSeparator = ',';

    public static DatasetEntity ToEntity(DatasetSnapshot s, long version)
    {
        var q = s.QualityScore;
        return new DatasetEntity
        {
            DatasetId = s.Id.Value,
            Name = s.Name.Value,
            DatasetType = s.Type.ToWireName(),
            Stage = s.Stage.ToWireName(),
            ClientId = s.ClientId.Value,
            ClientName = s.ClientName.Value,
            JourneyId = s.JourneyId.Value,
            TemplateId = s.TemplateId?.Value,
            DataSource = s.DataSource.ToWireName(),
            ConnectorName = s.ConnectorName.Value,
            Status = s.Status.ToWireName(),
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
            ProvisioningStartedAt = s.ProvisioningStartedAt,
            ReadyAt = s.ReadyAt,
            FailedAt = s.FailedAt,
            TeardownStartedAt = s.TeardownStartedAt,
            TeardownCancelledAt = s.TeardownCancelledAt,
            DeleteAfter = s.DeleteAfter,
            ArchivedAt = s.ArchivedAt,
            RecordCount = s.RecordCount,
            SizeBytes = s.SizeBytes,
            QualitySchema = q?.Schema,
            QualityCompleteness = q?.Completeness,
            QualityConnectorHealth = q?.ConnectorHealth,
            QualitySampleQueries = q?.SampleQueries,
            QualityOverall = q?.Overall,
            QualityFailedChecks = q is null ? null : JoinChecks(q.FailedChecks),
            QualityMeetsReadyRule = q?.MeetsReadyRule,
            QualityCalculatedAt = q?.CalculatedAt,
            FailureReason = s.FailureReason,
            FailedChecks = JoinChecks(s.FailedChecks),
            TeardownReason = s.TeardownReason?.ToWireName(),
            ArchiveLocation = s.ArchiveLocation,
            RevalidationReason = s.RevalidationReason,
            Attempt = s.Attempt,
            EventSequence = s.EventSequence,
            ProvisionCompleted = s.ProvisionCompleted,
            ProvisionCompletedAt = s.ProvisionCompletedAt,
            Version = version,
        };
    }

    public static DatasetSnapshot ToSnapshot(DatasetEntity e) => new()
    {
        Id = Domain.Datasets.DatasetId.Create(e.DatasetId),
        Name = DatasetName.Create(e.Name),
        Type = WireNames.Parse<DatasetType>(e.DatasetType),
        Stage = WireNames.Parse<Stage>(e.Stage),
        ClientId = Domain.Datasets.ClientId.Create(e.ClientId),
        ClientName = Domain.Datasets.ClientName.Create(e.ClientName),
        JourneyId = Domain.Datasets.JourneyId.Create(e.JourneyId),
        TemplateId = e.TemplateId is null ? null : Domain.Templates.TemplateId.Create(e.TemplateId),
        DataSource = WireNames.Parse<DataSource>(e.DataSource),
        ConnectorName = Domain.Connectors.ConnectorName.Create(e.ConnectorName),
        Status = WireNames.Parse<DatasetStatus>(e.Status),
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        ProvisioningStartedAt = e.ProvisioningStartedAt,
        ReadyAt = e.ReadyAt,
        FailedAt = e.FailedAt,
        TeardownStartedAt = e.TeardownStartedAt,
        TeardownCancelledAt = e.TeardownCancelledAt,
        DeleteAfter = e.DeleteAfter,
        ArchivedAt = e.ArchivedAt,
        RecordCount = e.RecordCount,
        SizeBytes = e.SizeBytes,
        QualityScore = e.QualityOverall is null
            ? null
            // A check's column is empty when the check did not apply (production: schema and completeness); rows
            // written before checks could be not applicable hold all four.
            : QualityScore.Create(
                e.QualitySchema,
                e.QualityCompleteness,
                e.QualityConnectorHealth,
                e.QualitySampleQueries,
                e.QualityOverall.Value,
                SplitChecks(e.QualityFailedChecks),
                e.QualityMeetsReadyRule ?? false,
                e.QualityCalculatedAt ?? e.UpdatedAt),
        FailureReason = e.FailureReason,
        FailedChecks = SplitChecks(e.FailedChecks),
        TeardownReason = e.TeardownReason is null ? null : WireNames.Parse<TeardownReason>(e.TeardownReason),
        ArchiveLocation = e.ArchiveLocation,
        RevalidationReason = e.RevalidationReason,
        Attempt = e.Attempt,
        EventSequence = e.EventSequence,
        ProvisionCompleted = e.ProvisionCompleted,
        ProvisionCompletedAt = e.ProvisionCompletedAt,
    };

    public static DatasetEntity CopyWithKeys(DatasetEntity source, string partitionKey, string rowKey)
    {
        var copy = source.Clone();
        copy.PendingEvents = null;
        copy.PartitionKey = partitionKey;
        copy.RowKey = rowKey;
        copy.ETag = default;
        copy.Timestamp = null;
        return copy;
    }

    private static string? JoinChecks(IReadOnlyList<QualityCheckType> checks)
        => checks.Count == 0 ? null : string.Join(ListSeparator, checks.Select(c => c.ToWireName()));

    private static QualityCheckType[] SplitChecks(string? value)
        => string.IsNullOrEmpty(value)
            ? []
            : value.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries).Select(WireNames.Parse<QualityCheckType>).ToArray();
}
