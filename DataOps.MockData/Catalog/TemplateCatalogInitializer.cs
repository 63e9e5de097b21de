
using DataOps.MockData.Templates;
using Microsoft.Extensions.Options;

namespace DataOps.MockData.Catalog;

/// <summary>
/// Runs template discovery once when the host starts (unless <c>MockData:DiscoverOnStartup</c> is false), so the
/// generator has its templates and the catalog mirrors the tree. Failures are logged, never fatal: the
/// library is loaded from the files before the table is touched, and <c>POST /api/templates/discover</c> retries.
/// </summary>
internal sealed class TemplateCatalogInitializer(TemplateDiscoveryService discovery, IOptions<MockDataOptions> options, ILogger<TemplateCatalogInitializer> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DiscoverOnStartup)
        {
            return;
        }

        try
        {
            var root = TemplateRootLocator.Resolve(options.Value.TemplateRoot, AppContext.BaseDirectory);
            await discovery.DiscoverAsync(root, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Template discovery at start-up failed; POST /api/templates/discover retries it");
        }
    }
}
