namespace DataOps.Functions.Provisioning;

/// <summary>A request to provision datasets for one journey stage (HTTP body, queue message).</summary>
public sealed record ProvisionJourneyInput(
    string JourneyId,
    string ClientId,
    string ClientName,
    string Industry,
    string UseCase,
    string Stage,
    IReadOnlyList<string> DatasetTypes,
    string RequestedBy);
