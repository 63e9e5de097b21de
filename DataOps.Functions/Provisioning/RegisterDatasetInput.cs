namespace DataOps.Functions.Provisioning;

/// <summary>Register a dataset in PROVISIONING.</summary>
public sealed record RegisterDatasetInput(ProvisionDatasetInput Dataset, string? TemplateId);
