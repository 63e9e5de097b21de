using DataOps.MockData;
using DataOps.MockData.Catalog;
using DataOps.MockData.Templates;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// The templates the workflows provision from: the in-memory <see cref="TemplateLibrary"/>, loaded from the template
/// tree on first use (configuration <c>MockData:TemplateRoot</c>, default <c>mock_data/templates</c> beside the
/// app) and refreshed by discovery.
/// </summary>
internal sealed class TemplateSource(TemplateLibrary library, IOptions<MockDataOptions> options)
{
    private readonly Lock _gate = new();

    /// <summary>The library, loaded if it was empty.</summary>
    public TemplateLibrary Library
    {
        get
        {
            if (library.All.Count == 0)
            {
                lock (_gate)
                {
                    if (library.All.Count == 0)
                    {
                        var root = TemplateRootLocator.Resolve(options.Value.TemplateRoot, AppContext.BaseDirectory);
                        library.Replace(TemplateScanner.Scan(root).Where(r => r.IsValid).Select(r => r.Template!));
                    }
                }
            }

            return library;
        }
    }
}
