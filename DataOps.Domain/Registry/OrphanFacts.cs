using DataOps.Domain.Datasets;

namespace DataOps.Domain.Registry;

/// <summary>What the <see cref="OrphanRule"/> reads of a dataset.</summary>
/// <param name="Id">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Stage">The stage it was provisioned for.</param>
/// <param name="Status">Its status.</param>
/// <param name="CreatedAt">When it was registered.</param>
public sealed record OrphanFacts(DatasetId Id, JourneyId JourneyId, Stage Stage, DatasetStatus Status, DateTimeOffset CreatedAt);
