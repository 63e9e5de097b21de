namespace DataOps.Domain.Templates;

/// <summary>How well a template fits a request, best first. Only the first three are eligible for selection.</summary>
public enum TemplateMatchKind
{
    /// <summary>Same industry, use case and dataset type.</summary>
    Exact,

    /// <summary>Same industry and dataset type, another use case.</summary>
    IndustryAndType,

    /// <summary>A generic template of the dataset type.</summary>
    GenericType,

    /// <summary>Another industry's template for the same use case and type (recommendation only).</summary>
    OtherIndustrySameUseCase,

    /// <summary>Another industry's template of the type (recommendation only).</summary>
    OtherIndustry,
}
