using DataOps.Domain.Templates;

namespace DataOps.Functions.Provisioning;

/// <summary>The template chosen for a dataset and why.</summary>
public sealed record TemplateChoice(TemplateId? TemplateId, string Reason);
