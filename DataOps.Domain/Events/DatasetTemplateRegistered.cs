namespace DataOps.Domain.Events;

/// <summary>Template discovery registered a template the catalog did not hold.</summary>
/// <param name="EventId">Deterministic event id: from the template and its content.</param>
/// <param name="OccurredAt">When discovery registered it.</param>
/// <param name="TemplateId">The template.</param>
/// <param name="Version">Its version.</param>
/// <param name="Industry">Its industry.</param>
/// <param name="DatasetType">Its dataset type (wire name).</param>
/// <param name="ContentHash">The hash of the files it was read from.</param>
public sealed record DatasetTemplateRegistered(
    string EventId,
    DateTimeOffset OccurredAt,
    string TemplateId,
    string Version,
    string Industry,
    string DatasetType,
    string ContentHash) : DomainEvent(EventId, OccurredAt)
{
    /// <summary>The event, with its id derived from the template and its content.</summary>
    public static DatasetTemplateRegistered Create(string templateId, string version, string industry, string datasetType, string contentHash, DateTimeOffset now)
        => new(DomainEventIds.FromName($"{nameof(DatasetTemplateRegistered)}\n{templateId}\n{contentHash}"), now, templateId, version, industry, datasetType, contentHash);
}
