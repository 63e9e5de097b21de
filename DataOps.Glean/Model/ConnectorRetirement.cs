namespace DataOps.Glean.Model;

/// <summary>
/// An emptied connector. Glean cannot delete a datasource, so retiring empties it; <see cref="Verified"/>
/// says Glean reports no document left, after which the registry marks the registration retired.
/// </summary>
public sealed record ConnectorRetirement(string ConnectorName, string DatasourceName, string UploadId, long RemainingDocuments, DateTimeOffset RetiredAt)
{
    /// <summary>True when Glean reports zero documents (uploaded and indexed).</summary>
    public bool Verified => RemainingDocuments == 0;
}
