using DataOps.Domain.Datasets;

namespace DataOps.Functions.Operations;

/// <summary>A dataset as the HTTP API and archives show it.</summary>
public sealed record DatasetView(
    string DatasetId,
    string Name,
    string DatasetType,
    string Stage,
    string ClientId,
    string JourneyId,
    string Status,
    double? QualityScore,
    long RecordCount,
    long SizeBytes,
    string ConnectorName,
    string? TemplateId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadyAt,
    double? ProvisioningSeconds,
    DateTimeOffset? ArchivedAt,
    string? FailureReason,
    string? TeardownReason,
    string? ArchiveLocation,
    int Attempt = 1,
    string? RevalidationReason = null,
    DateTimeOffset? DeleteAfter = null,
    DateTimeOffset? FailedAt = null)
{
    /// <summary>Projects a stored dataset.</summary>
    public static DatasetView From(DatasetSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Id.Value,
            s.Name.Value,
            s.Type.ToWireName(),
            s.Stage.ToWireName(),
            s.ClientId.Value,
            s.JourneyId.Value,
            s.Status.ToWireName(),
            s.QualityScore?.Overall,
            s.RecordCount,
            s.SizeBytes,
            s.ConnectorName.Value,
            s.TemplateId?.Value,
            s.CreatedAt,
            s.ReadyAt,
            s.ProvisioningDuration?.TotalSeconds,
            s.ArchivedAt,
            s.FailureReason,
            s.TeardownReason?.ToWireName(),
            s.ArchiveLocation,
            s.Attempt,
            s.RevalidationReason,
            s.DeleteAfter,
            s.FailedAt);
    }
}
