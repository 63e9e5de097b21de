namespace DataOps.Functions.Provisioning;

/// <summary>Provision one dataset of one type.</summary>
public sealed record ProvisionDatasetInput(
    string DatasetId,
    string JourneyId,
    string ClientId,
    string ClientName,
    string Industry,
    string UseCase,
    string Stage,
    string DatasetType);
