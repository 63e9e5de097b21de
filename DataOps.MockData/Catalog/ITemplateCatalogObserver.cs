namespace DataOps.MockData.Catalog;

/// <summary>
/// Told what each discovery changed in the catalog (templates registered, updated, removed), whichever caller ran it:
/// the start-up scan or a rescan on request. The app audits and publishes the changes through one.
/// </summary>
public interface ITemplateCatalogObserver
{
    /// <summary>Called once per discovery that changed anything, after the catalog holds the changes.</summary>
    Task CatalogChangedAsync(IReadOnlyList<TemplateChange> changes, CancellationToken cancellationToken);
}
