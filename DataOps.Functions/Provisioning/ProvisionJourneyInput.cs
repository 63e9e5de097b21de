using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// A request to provision datasets for one journey stage (HTTP body, queue message). <paramref name="RequestId"/> is
/// given by the starter, once per request: the datasets' ids derive from it, so a workflow step that runs again after a
/// host died (before its history was saved) names the same datasets instead of new ones. <paramref name="RequestedAt"/>,
/// also the starter's, is when the request was accepted; instances started before it existed do not announce the request.
/// </summary>
public sealed record ProvisionJourneyInput(
    JourneyId JourneyId,
    ClientId ClientId,
    ClientName ClientName,
    Industry Industry,
    UseCase UseCase,
    Stage Stage,
    IReadOnlyList<DatasetType> DatasetTypes,
    string RequestedBy,
    string? RequestId = null,
    DateTimeOffset? RequestedAt = null);
