namespace DataOps.Glean.Model;

/// <summary>Documents Glean holds for a connector: received and searchable.</summary>
public sealed record ConnectorDocumentCount(long Uploaded, long Indexed);
