namespace DataOps.Functions.Operations.Queries;

/// <summary>One dataset as its detail page shows it.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="QualityChecks">Every check of every validation run, as stored.</param>
/// <param name="Connector">Its Glean connector.</param>
public sealed record DatasetDetail(DatasetView Dataset, IReadOnlyList<QualityCheckView> QualityChecks, ConnectorView Connector);
