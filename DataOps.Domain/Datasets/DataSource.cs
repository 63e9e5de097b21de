namespace DataOps.Domain.Datasets;

/// <summary>Where a dataset's records come from, fixed by its stage. Wire names: <c>mock_template</c>, <c>sanitized_export</c>, <c>none</c>.</summary>
public enum DataSource
{
    /// <summary>Generated from a mock-data template (sandbox).</summary>
    MockTemplate,

    /// <summary>A production-like export with PII removed (pilot).</summary>
    SanitizedExport,

    /// <summary>Not populated by the product (production).</summary>
    None,
}
