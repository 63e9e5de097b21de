namespace DataOps.Domain.Events;

/// <summary>Template discovery found a registered template changed on disk, or gone from it.</summary>
/// <param name="EventId">Deterministic event id: from the template, the change and its content.</param>
/// <param name="OccurredAt">When discovery found it.</param>
/// <param name="TemplateId">The template.</param>
/// <param name="Change"><c>updated</c> or <c>removed</c>.</param>
/// <param name="Version">Its version now; null when removed.</param>
/// <param name="ContentHash">The hash of its files now; for a removal, of the files it had.</param>
public sealed record DatasetTemplateModified(
    string EventId,
    DateTimeOffset OccurredAt,
    string TemplateId,
    string Change,
    string? Version,
    string? ContentHash) : DomainEvent(EventId, OccurredAt)
{
    /// <summary>The template's files changed.</summary>
    public const string Updated = "updated";

    /// <summary>The template's files are gone.</summary>
    public const string Removed = "removed";

    /// <summary>
    /// The event, with its id derived from the template, the change and the content hash: every host that finds the
    /// same change raises the same event.
    /// </summary>
    public static DatasetTemplateModified Create(string templateId, string change, string? version, string? contentHash, DateTimeOffset now)
        => new(
            DomainEventIds.FromName($"{nameof(DatasetTemplateModified)}\n{templateId}\n{change}\n{contentHash}"),
            now,
            templateId,
            change,
            version,
            contentHash);
}
