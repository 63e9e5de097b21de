using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>Which datasets a journey has in a stage (all stages when null).</summary>
public sealed record JourneyDatasetsQuery(JourneyId JourneyId, Stage? Stage);
