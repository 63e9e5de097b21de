using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Provision one dataset of one type. <paramref name="TakesSeat"/>: the provision waits for one of its stage's seats
/// (<see cref="ProvisioningSlots"/>) before it touches Glean; inputs written before seats existed have none.
/// </summary>
public sealed record ProvisionDatasetInput(
    DatasetId DatasetId,
    JourneyId JourneyId,
    ClientId ClientId,
    ClientName ClientName,
    Industry Industry,
    UseCase UseCase,
    Stage Stage,
    DatasetType DatasetType,
    bool TakesSeat = false);
