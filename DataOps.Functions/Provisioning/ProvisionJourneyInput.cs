using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Functions.Provisioning;

/// <summary>A request to provision datasets for one journey stage (HTTP body, queue message).</summary>
public sealed record ProvisionJourneyInput(
    JourneyId JourneyId,
    ClientId ClientId,
    ClientName ClientName,
    Industry Industry,
    UseCase UseCase,
    Stage Stage,
    IReadOnlyList<DatasetType> DatasetTypes,
    string RequestedBy);
