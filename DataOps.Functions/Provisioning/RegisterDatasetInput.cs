using DataOps.Domain.Templates;

namespace DataOps.Functions.Provisioning;

/// <summary>Register a dataset in PROVISIONING.</summary>
public sealed record RegisterDatasetInput(ProvisionDatasetInput Dataset, TemplateId? TemplateId);
