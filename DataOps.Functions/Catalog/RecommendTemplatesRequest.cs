using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Functions.Catalog;

/// <summary>A validated recommendation request.</summary>
/// <param name="Industry">The client's industry.</param>
/// <param name="UseCase">The client's use case.</param>
/// <param name="DatasetTypes">Types to recommend for (all types when the request named none).</param>
internal sealed record RecommendTemplatesRequest(Industry Industry, UseCase UseCase, IReadOnlyList<DatasetType> DatasetTypes);
