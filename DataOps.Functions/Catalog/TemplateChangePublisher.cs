using DataOps.Domain.Events;
using DataOps.Functions.Registry;
using DataOps.MockData.Catalog;

namespace DataOps.Functions.Catalog;

/// <summary>
/// Audits and publishes what template discovery changed, at start-up or on request: <see cref="DatasetTemplateRegistered"/>
/// for a template new to the catalog, <see cref="DatasetTemplateModified"/> for one whose files changed or are gone.
/// </summary>
internal sealed class TemplateChangePublisher(IDomainEventPublisher events, TimeProvider time) : ITemplateCatalogObserver
{
    /// <inheritdoc />
    public async Task CatalogChangedAsync(IReadOnlyList<TemplateChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var now = time.GetUtcNow();
        var published = changes.Select(c => OutboxEvent.From(c.Change == TemplateChange.Registered
            ? DatasetTemplateRegistered.Create(c.TemplateId, c.Version!, c.Industry, c.DatasetType!, c.ContentHash!, now)
            : DatasetTemplateModified.Create(c.TemplateId, c.Change == TemplateChange.Removed ? DatasetTemplateModified.Removed : DatasetTemplateModified.Updated, c.Version, c.ContentHash, now))).ToList();
        await events.PublishAsync(published, cancellationToken).ConfigureAwait(false);
    }
}
