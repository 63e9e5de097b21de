using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Tests.Domain;

/// <summary>Short factories for domain test data.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TemplateDescriptor Template(
        Industry industry,
        string useCase,
        DatasetType type,
        string version = "1.0.0",
        int? recordCount = null,
        string? id = null)
        => new(
            TemplateId.Create(id ?? $"{industry.ToWireName()}.{useCase}.{type.ToWireName()}.{version}"),
            industry,
            UseCase.Create(useCase),
            type,
            version,
            recordCount);
}
