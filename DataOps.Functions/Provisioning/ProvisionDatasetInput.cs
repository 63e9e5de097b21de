using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Functions.Provisioning;

/// <summary>Provision one dataset of one type.</summary>
public sealed record ProvisionDatasetInput(
    DatasetId DatasetId,
    JourneyId JourneyId,
    ClientId ClientId,
    ClientName ClientName,
    Industry Industry,
    UseCase UseCase,
    Stage Stage,
    DatasetType DatasetType);
