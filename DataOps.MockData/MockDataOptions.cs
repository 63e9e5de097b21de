namespace DataOps.MockData;

/// <summary>Mock-data settings (configuration section <c>MockData</c>).</summary>
public sealed class MockDataOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MockData";

    /// <summary>The template tree; default: <c>mock_data/templates</c> in the app directory or the nearest parent that has one.</summary>
    public string? TemplateRoot { get; set; }

    /// <summary>The catalog table.</summary>
    public string CatalogTable { get; set; } = Catalog.TemplateCatalogStore.DefaultTableName;

    /// <summary>The blob container holding pilot exports (<c>{clientId}/{dataset_type}.jsonl</c>).</summary>
    public string PilotExportContainer { get; set; } = "pilot-exports";

    /// <summary>
    /// Secret part of the pseudonym key for pilot data (combined with the client id). Keep it out of source control in
    /// real deployments: with a guessable key, pseudonyms could be reversed by hashing candidate names.
    /// </summary>
    public string SanitizationSalt { get; set; } = "dataops-local-sanitization";

    /// <summary>Days every date in pilot data is moved by (0 keeps dates; distances between dates are kept either way).</summary>
    public int PilotDateShiftDays { get; set; }

    /// <summary>Whether the host scans templates into the catalog at start-up.</summary>
    public bool DiscoverOnStartup { get; set; } = true;
}
